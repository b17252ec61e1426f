package io.collectionstrategy.cli;

import java.util.List;
import java.util.Locale;

/**
 * The few pieces of a self-contained HTML page the reports share (evaluate, diff, docs): the page's head with inline
 * CSS, escaping, and horizontal bar charts as inline SVG. Nothing is fetched from the network and no script runs.
 * The pages are well-formed XHTML5 (every element closed, attributes quoted, text escaped), so an XML parser reads
 * them as well as a browser.
 */
final class Html {

    /** Colours of the bars: the first for "before" (or a single series), the second for "after". */
    static final String[] COLOURS = {"#3b6ea5", "#d9822b", "#5a9e6f", "#a05195", "#c44e52", "#8c8c8c"};

    /** The style every page starts from; a page may add its own. */
    static final String BASE_CSS = "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:90em}\n"
            + "table{border-collapse:collapse;margin:1em 0}th,td{padding:.3em .8em;border-bottom:1px solid #ddd;"
            + "text-align:left;vertical-align:top}th{background:#f4f4f4}td.num,th.num{text-align:right}\n"
            + "pre{margin:0;white-space:pre-wrap;font-size:.9em}figure{margin:1em 0}"
            + "figcaption{font-weight:bold;margin-bottom:.3em}small{color:#555}\n";

    private Html() {
    }

    /**
     * @param title the page's title, as text (escaped here)
     * @param css   more style rules, or the empty string
     * @return a builder holding the doctype, the head and the opening body tag
     */
    static StringBuilder page(String title, String css) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(esc(title)).append("</title>\n<style>\n")
                .append(BASE_CSS).append(css).append("</style>\n</head>\n<body>\n");
        return h;
    }

    /** Closes the body and the page. */
    static String end(StringBuilder h) {
        return h.append("</body>\n</html>\n").toString();
    }

    /** Escapes text for content and quoted attribute values: {@code & < > " '}; control characters become spaces. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0xFFFE || ch == 0xFFFF) {
                        b.append(' '); // not allowed in XML
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A table row of cells, escaped; cells that are numbers are right-aligned. */
    static void row(StringBuilder h, String cellTag, Object... cells) {
        h.append("<tr>");
        for (Object c : cells) {
            boolean num = c instanceof Number;
            h.append('<').append(cellTag).append(num ? " class=\"num\">" : ">").append(esc(String.valueOf(c)))
                    .append("</").append(cellTag).append('>');
        }
        h.append("</tr>\n");
    }

    /**
     * One bar group: a label and one value per series (e.g. before and after).
     *
     * @param label  what the bars are of
     * @param values one value per series
     */
    record Bars(String label, long... values) {
    }

    /**
     * Horizontal bars, one group per label, one bar per series, each with its value written beside it.
     *
     * @param caption what the chart shows
     * @param series  the names of the series (shown as a legend when more than one)
     * @param groups  the bar groups
     * @param signed  write the values with their sign (for changes); negative bars are drawn in red
     * @return a figure holding the SVG
     */
    static String barChart(String caption, List<String> series, List<Bars> groups, boolean signed) {
        int bar = 14;
        int groupHeight = bar * series.size() + 8;
        int labelWidth = 220;
        int plotWidth = 360;
        int top = series.size() > 1 ? 22 : 4;
        long max = 1;
        for (Bars g : groups) {
            for (long v : g.values()) {
                max = Math.max(max, Math.abs(v));
            }
        }
        int height = top + groupHeight * groups.size() + 4;
        StringBuilder s = new StringBuilder();
        s.append("<figure><figcaption>").append(esc(caption)).append("</figcaption>\n")
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                        + " role=\"img\" aria-label=\"%s\">%n", labelWidth + plotWidth + 80, height, esc(caption)));
        if (series.size() > 1) {
            for (int k = 0; k < series.size(); k++) {
                int x = labelWidth + k * 120;
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"14\" font-size=\"12\">%s</text>%n", x, COLOURS[k % COLOURS.length],
                        x + 16, esc(series.get(k))));
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            Bars g = groups.get(i);
            int y = top + i * groupHeight;
            s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>%n",
                    y + bar * series.size() / 2 + 4, esc(RecordWriter.Table.cut(g.label(), 34))));
            for (int k = 0; k < g.values().length; k++) {
                long v = g.values()[k];
                double w = plotWidth * (double) Math.abs(v) / max;
                int by = y + k * bar;
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>%n", labelWidth, by, w, bar - 2,
                        signed && v < 0 ? COLOURS[4] : COLOURS[k % COLOURS.length], labelWidth + w + 4, by + bar - 4,
                        String.format(Locale.ROOT, signed ? "%+d" : "%d", v)));
            }
        }
        return s.append("</svg></figure>\n").toString();
    }
}
