package io.mmg.gateway.metrics;

import java.util.HashMap;
import java.util.Map;

/** One /actuator/prometheus answer: the value of each series, by name and labels as written. */
final class PrometheusScrape {

    private final Map<String, Double> series = new HashMap<>();

    PrometheusScrape(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    int size() {
        return series.size();
    }

    /**
     * The value of the series named {@code name} whose labels include every one of {@code labels}
     * ({@code a="x",b="y"}, any order, others ignored), summed when several match; 0 when none does.
     */
    double value(String name, String labels) {
        double sum = 0;
        for (Map.Entry<String, Double> entry : series.entrySet()) {
            String key = entry.getKey();
            String seriesName = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
            if (seriesName.equals(name) && hasLabels(key, labels)) {
                sum += entry.getValue();
            }
        }
        return sum;
    }

    double delta(PrometheusScrape before, String name, String labels) {
        return value(name, labels) - before.value(name, labels);
    }

    private static boolean hasLabels(String key, String labels) {
        if (labels.isEmpty()) {
            return true;
        }
        for (String label : labels.split(",(?=[a-zA-Z_]+=\")")) {
            if (!key.contains(label)) {
                return false;
            }
        }
        return true;
    }
}
