package hotel.booking.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: printed as a table, written as JSON and as an HTML page with a chart. */
final class Results {

    record Row(String scenario, String metric, double value, String unit, String goal, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();

    Results() {
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("at", Instant.now().toString());
    }

    void machine(String name, Object value) {
        machine.put(name, value);
    }

    void add(String scenario, String metric, double value, String unit) {
        rows.add(new Row(scenario, metric, value, unit, "", null));
    }

    void goal(String scenario, String metric, double value, String unit, String goal, boolean met) {
        rows.add(new Row(scenario, metric, value, unit, goal, met));
    }

    /** The table of one scenario's rows, or of all of them when {@code scenario} is null. */
    void print(String scenario) {
        System.out.printf("%n%-11s %-44s %14s %-8s %-22s %s%n", "scenario", "metric", "value", "unit", "goal", "met");
        System.out.println("-".repeat(108));
        for (Row row : rows) {
            if (scenario != null && !scenario.equals(row.scenario())) {
                continue;
            }
            System.out.printf("%-11s %-44s %14s %-8s %-22s %s%n", row.scenario(), row.metric(), format(row.value()),
                    row.unit(), row.goal(), row.met() == null ? "" : row.met() ? "yes" : "NO");
        }
        System.out.println();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("results", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("results.json").toFile(), json);
        Files.writeString(directory.resolve("results.html"), html());
        System.out.println("Written " + directory.resolve("results.json") + " and " + directory.resolve("results.html"));
    }

    private String html() {
        StringBuilder page = new StringBuilder("""
                <!doctype html><html lang="en"><meta charset="utf-8"><title>Hotel booking benchmark</title>
                <style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}td.n{text-align:right}
                .no{color:#a40000;font-weight:bold}.yes{color:#0a6b0a}</style>
                <h1>Hotel booking benchmark</h1>
                """);
        page.append("<p>").append(escape(machine.toString())).append("</p>");
        page.append(chart());
        page.append("<table><tr><th>scenario</th><th>metric</th><th>value</th><th>unit</th><th>goal</th><th>met</th></tr>");
        for (Row row : rows) {
            page.append("<tr><td>").append(escape(row.scenario())).append("</td><td>").append(escape(row.metric()))
                .append("</td><td class=n>").append(format(row.value())).append("</td><td>")
                .append(escape(row.unit())).append("</td><td>").append(escape(row.goal())).append("</td><td class=")
                .append(row.met() == null ? "" : row.met() ? "yes>yes" : "no>NO").append("</td></tr>");
        }
        return page.append("</table></html>").toString();
    }

    /** Bars of the rows that state a goal as a ratio or a rate against a baseline. */
    private String chart() {
        List<Row> bars = rows.stream().filter(r -> r.unit().equals("/s")).toList();
        if (bars.isEmpty()) {
            return "";
        }
        double max = bars.stream().mapToDouble(Row::value).max().orElse(1);
        StringBuilder svg = new StringBuilder("<svg width=\"760\" height=\"" + (bars.size() * 34 + 10)
                + "\" role=\"img\" aria-label=\"rates\">");
        int y = 5;
        for (Row bar : bars) {
            int width = (int) Math.max(1, 480 * bar.value() / max);
            svg.append("<text x=\"0\" y=\"").append(y + 18).append("\">").append(escape(bar.scenario() + " " + bar.metric()))
               .append("</text><rect x=\"260\" y=\"").append(y).append("\" width=\"").append(width)
               .append("\" height=\"24\" fill=\"#2a5db0\"/><text x=\"").append(266 + width).append("\" y=\"")
               .append(y + 18).append("\">").append(format(bar.value())).append("</text>");
            y += 34;
        }
        return svg.append("</svg>").toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.format("%,d", (long) value)
                : String.format("%,.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
