package io.xinference.hub.command.model;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ModelNames} for aggregate tests: the same case-insensitive rule as the database table. */
final class InMemoryModelNames implements ModelNames {

    private final Map<String, String> holders = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String name, String modelId) {
        String holder = holders.putIfAbsent(key(name), modelId);
        return holder == null || holder.equals(modelId);
    }

    @Override
    public void release(String name, String modelId) {
        holders.remove(key(name), modelId);
    }

    boolean isHeld(String name) {
        return holders.containsKey(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
