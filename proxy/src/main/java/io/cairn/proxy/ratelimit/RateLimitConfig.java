package io.cairn.proxy.ratelimit;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code [filter:ratelimit]} with Swift's keys and defaults.
 *
 * <p>Immutable.
 *
 * @param accountRatelimit {@code account_ratelimit}: container PUTs and DELETEs per second per account (0: none)
 * @param maxSleepSeconds {@code max_sleep_time_seconds}: a request that would wait this long or longer gets 498
 * @param logSleepSeconds {@code log_sleep_time_seconds}: waits longer than this are logged (0: none)
 * @param clockAccuracy {@code clock_accuracy}: ticks per second the counters count in
 * @param rateBufferSeconds {@code rate_buffer_seconds}: how far behind a counter may fall (a burst allowance)
 * @param whitelist {@code account_whitelist}: accounts never limited
 * @param blacklist {@code account_blacklist}: accounts refused with 497
 * @param containerLimits {@code container_ratelimit_N}: object writes per second by container size
 * @param listingLimits {@code container_listing_ratelimit_N}: container GETs per second by container size
 */
public record RateLimitConfig(
        double accountRatelimit,
        double maxSleepSeconds,
        double logSleepSeconds,
        int clockAccuracy,
        int rateBufferSeconds,
        List<String> whitelist,
        List<String> blacklist,
        SizeRates containerLimits,
        SizeRates listingLimits) {
    private static final Logger LOG = System.getLogger(RateLimitConfig.class.getName());
    static final String CONTAINER_PREFIX = "container_ratelimit_";
    static final String LISTING_PREFIX = "container_listing_ratelimit_";
    private static final Set<String> KNOWN = Set.of(
            "use",
            "account_ratelimit",
            "max_sleep_time_seconds",
            "log_sleep_time_seconds",
            "clock_accuracy",
            "rate_buffer_seconds",
            "account_whitelist",
            "account_blacklist",
            "set log_name",
            "log_name",
            "log_level",
            "log_facility",
            "log_headers",
            "log_address");

    public RateLimitConfig {
        whitelist = List.copyOf(whitelist);
        blacklist = List.copyOf(blacklist);
    }

    /**
     * The rates configured by container size (Swift's {@code interpret_conf_limits}): sorted by size; between two
     * sizes the rate is interpolated on the line joining them, past the last it is the last one's.
     *
     * @param points each {@code [size, rate]} as configured, sorted by size (what {@code /info} shows)
     */
    public record SizeRates(List<Map.Entry<Long, Double>> points) {
        public SizeRates {
            points = List.copyOf(points);
        }

        /**
         * Swift's {@code get_maxrate}: the requests per second allowed for a container of {@code size} objects;
         * null for an empty container or one smaller than the first size configured.
         */
        public @Nullable Double maxRate(long size) {
            if (size == 0) {
                return null;
            }
            int last = -1;
            for (int i = 0; i < points.size(); i++) {
                if (size < points.get(i).getKey()) {
                    break;
                }
                last = i;
            }
            if (last < 0) {
                return null;
            }
            long curSize = points.get(last).getKey();
            double curRate = points.get(last).getValue();
            if (last + 1 == points.size()) {
                return curRate;
            }
            long nextSize = points.get(last + 1).getKey();
            double slope = (points.get(last + 1).getValue() - curRate) / (nextSize - curSize);
            return (size - curSize) * slope + curRate;
        }

        /** As {@code /info} lists them: {@code [[size, rate], ...]}. */
        public List<List<Object>> info() {
            List<List<Object>> out = new ArrayList<>();
            for (Map.Entry<Long, Double> e : points) {
                out.add(List.of(e.getKey(), e.getValue()));
            }
            return out;
        }

        static SizeRates from(ConfigSection section, String prefix) {
            Map<Long, Double> bySize = new LinkedHashMap<>();
            for (String key : section.keys()) {
                if (key.startsWith(prefix)) {
                    String value = section.getString(key, "");
                    try {
                        bySize.put(Long.parseLong(key.substring(prefix.length()).strip()), parseFloat(value));
                    } catch (NumberFormatException e) {
                        throw new ConfigException(
                                section.source(), section.name(), key, value, "needs an integer size and a rate");
                    }
                }
            }
            List<Map.Entry<Long, Double>> sorted = new ArrayList<>(bySize.entrySet());
            sorted.sort(Comparator.comparing(Map.Entry<Long, Double>::getKey));
            return new SizeRates(sorted.stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue()))
                    .toList());
        }
    }

    /** Parses {@code section}; keys Cairn does not know go to {@code warnings}. */
    public static RateLimitConfig from(ConfigSection section, List<String> warnings) {
        for (String k : section.unknownKeys(KNOWN)) {
            if (!k.startsWith(CONTAINER_PREFIX) && !k.startsWith(LISTING_PREFIX)) {
                warnings.add("[" + section.name() + "] unknown key " + k);
            }
        }
        List<String> white = accounts(section, "account_whitelist");
        List<String> black = accounts(section, "account_blacklist");
        // Swift's deprecation notices, logged (the warnings list is for keys that are ignored; these are not)
        if (!white.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "Option account_whitelist is deprecated. Use an internal client to"
                            + " POST a `X-Account-Sysmeta-Global-Write-Ratelimit: WHITELIST` header to the specific accounts"
                            + " instead.");
        }
        if (!black.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "Option account_blacklist is deprecated. Use an internal client to"
                            + " POST a `X-Account-Sysmeta-Global-Write-Ratelimit: BLACKLIST` header to the specific accounts"
                            + " instead.");
        }
        return new RateLimitConfig(
                number(section, "account_ratelimit", 0),
                number(section, "max_sleep_time_seconds", 60),
                number(section, "log_sleep_time_seconds", 0),
                (int) integer(section, "clock_accuracy", 1000),
                (int) integer(section, "rate_buffer_seconds", 5),
                white,
                black,
                SizeRates.from(section, CONTAINER_PREFIX),
                SizeRates.from(section, LISTING_PREFIX));
    }

    private static List<String> accounts(ConfigSection section, String key) {
        List<String> out = new ArrayList<>();
        for (String a : section.getString(key, "").split(",", -1)) {
            if (!a.strip().isEmpty()) {
                out.add(a.strip());
            }
        }
        return out;
    }

    private static double number(ConfigSection section, String key, double defaultValue) {
        String value = section.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return parseFloat(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(section.source(), section.name(), key, value, "must be a number");
        }
    }

    private static long integer(ConfigSection section, String key, long defaultValue) {
        String value = section.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v <= 0 && key.equals("clock_accuracy")) {
                throw new NumberFormatException(value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(section.source(), section.name(), key, value, "must be a positive integer");
        }
    }

    /** Python's {@code float()} of a setting: surrounding blanks allowed, {@code inf}/{@code nan} too. */
    static double parseFloat(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> {
                if (v.endsWith("d") || v.endsWith("f")) {
                    throw new NumberFormatException(value); // Java would take 1d and 2f; Python does not
                }
                yield Double.parseDouble(v);
            }
        };
    }
}
