package io.huddle.ui;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.Ikon;

/** The icons Huddle uses, in one place, so the same thing always looks the same. */
public final class Icons {
    private Icons() {
    }

    public static final Ikon VOICE = MaterialDesignP.PHONE;
    public static final Ikon CHAT = MaterialDesignC.CHAT_OUTLINE;
    public static final Ikon MESSAGING = MaterialDesignM.MESSAGE_TEXT_OUTLINE;
    public static final Ikon MONITOR = MaterialDesignE.EAR_HEARING;
    public static final Ikon COACH = MaterialDesignA.ACCOUNT_VOICE;
    public static final Ikon BARGE_IN = MaterialDesignA.ACCOUNT_MULTIPLE_PLUS_OUTLINE;
    public static final Ikon DISCONNECT = MaterialDesignP.PHONE_HANGUP;
    public static final Ikon HELP = MaterialDesignH.HAND_BACK_RIGHT_OUTLINE;
    public static final Ikon BELL = MaterialDesignB.BELL_OUTLINE;
    public static final Ikon AUDIT = MaterialDesignC.CLIPBOARD_TEXT_SEARCH_OUTLINE;
    public static final Ikon CONFIRM = MaterialDesignC.CHECK_BOLD;
    public static final Ikon SEND = MaterialDesignS.SEND;
    public static final Ikon CLOSE = MaterialDesignC.CLOSE;

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("huddle-icon");
        return icon;
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = of(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
