package dev.practicetracker.progress.svg;

/** A shields-style badge of the caller's current practice streak. */
public final class BadgeSvg {

    static final String LABEL = "practice streak";
    /** Approximate width of one character of 11px Verdana, as shields.io lays badges out. */
    static final double CHARACTER_WIDTH = 6.6;

    private BadgeSvg() {
    }

    public static String render(int streakDays) {
        String message = streakDays + (streakDays == 1 ? " day" : " days");
        String colour = streakDays == 0 ? "#9f9f9f" : streakDays < 7 ? "#dfb317" : "#4c1";
        int labelWidth = (int) Math.round(LABEL.length() * CHARACTER_WIDTH) + 10;
        int messageWidth = (int) Math.round(message.length() * CHARACTER_WIDTH) + 10;
        int width = labelWidth + messageWidth;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"20\" role=\"img\" aria-label=\""
                + LABEL + ": " + message + "\">"
                + "<title>" + LABEL + ": " + message + "</title>"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                + "<clipPath id=\"r\"><rect width=\"" + width + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                + "<g clip-path=\"url(#r)\"><rect width=\"" + labelWidth + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + labelWidth + "\" width=\"" + messageWidth + "\" height=\"20\" fill=\"" + colour + "\"/>"
                + "<rect width=\"" + width + "\" height=\"20\" fill=\"url(#s)\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
                + "<text x=\"" + labelWidth / 2.0 + "\" y=\"14\">" + LABEL + "</text>"
                + "<text x=\"" + (labelWidth + messageWidth / 2.0) + "\" y=\"14\">" + message + "</text></g></svg>";
    }
}
