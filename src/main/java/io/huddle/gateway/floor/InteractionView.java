package io.huddle.gateway.floor;

import io.huddle.domain.Controls;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.TranscriptLine;
import java.util.List;

/**
 * One interaction as a user sees it at one moment: the interaction, the controls they may use on it, its
 * open help request (null when none) and the latest lines of its transcript they may read.
 *
 * @param earlierLines how many readable lines the floor holds before {@code transcript} (not in it)
 */
public record InteractionView(Interaction interaction, Controls controls, HelpRequest helpRequest,
                              List<TranscriptLine> transcript, int earlierLines) {
    public InteractionView {
        transcript = List.copyOf(transcript);
    }

    public InteractionView withControls(Controls newControls) {
        return new InteractionView(interaction, newControls, helpRequest, transcript, earlierLines);
    }

    /** How much of the transcript a view carries: the latest lines, at most this many and this much text. */
    public record Tail(int maxLines, int maxChars) {
        public static final Tail NONE = new Tail(0, 0);

        /** The longest run of the latest lines within both limits. */
        List<TranscriptLine> of(List<TranscriptLine> lines) {
            int from = lines.size();
            long chars = 0;
            while (from > 0 && lines.size() - from < maxLines) {
                chars += lines.get(from - 1).text().length();
                if (chars > maxChars) {
                    break;
                }
                from--;
            }
            return lines.subList(from, lines.size());
        }
    }
}
