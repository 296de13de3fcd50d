package io.huddle.console;

import io.huddle.domain.TranscriptLine;
import io.huddle.protocol.TranscriptLineDto;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One transcript line: time, speaker, text; whispers and system lines look different. */
final class TranscriptCell extends ListCell<TranscriptLineDto> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final PseudoClass WHISPER = PseudoClass.getPseudoClass("whisper");

    TranscriptCell() {
        setPrefWidth(0); // as wide as the list: long lines wrap instead of ending in "..."
    }

    @Override
    protected void updateItem(TranscriptLineDto line, boolean empty) {
        super.updateItem(line, empty);
        for (TranscriptLine.Speaker s : TranscriptLine.Speaker.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase()),
                    !empty && line != null && line.from() == s);
        }
        pseudoClassStateChanged(WHISPER, !empty && line != null && line.audience() == TranscriptLine.Audience.AGENT);
        if (empty || line == null) {
            setGraphic(null);
            return;
        }
        Label time = new Label(TIME.format(line.at()));
        time.getStyleClass().add("muted");
        String who = line.authorName() + (line.audience() == TranscriptLine.Audience.AGENT ? " (whisper)" : "");
        Label speaker = new Label(who);
        speaker.getStyleClass().add("speaker");
        Label text = new Label(line.text());
        text.getStyleClass().add("text-body");
        text.setWrapText(true);
        // wrap at the list's width: a list cell's height is measured before the cell is laid out
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
        setGraphic(new VBox(1, new HBox(8, time, speaker), text));
        setAccessibleText(who + ": " + line.text());
    }
}
