package io.xinference.hub.query.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How rebuilds are coordinated across query-side instances ({@code hub.rebuild.*}).
 *
 * @param heartbeat     how often the instance running a rebuild refreshes its row (default 2 s)
 * @param staleAfter    a rebuild whose heartbeat is older is taken over and restarted by another instance, and
 *                      instances paused for its swap resume (default 15 s; keep it several heartbeats long)
 * @param pauseCheck    how often every instance looks for a swap elsewhere that it must pause for (default 500 ms)
 * @param takeoverCheck how often every instance looks for a stale rebuild to take over (default 5 s)
 */
@ConfigurationProperties("hub.rebuild")
public record RebuildProperties(Duration heartbeat, Duration staleAfter, Duration pauseCheck,
                                Duration takeoverCheck) {

    public RebuildProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(2) : heartbeat;
        staleAfter = staleAfter == null ? Duration.ofSeconds(15) : staleAfter;
        pauseCheck = pauseCheck == null ? Duration.ofMillis(500) : pauseCheck;
        takeoverCheck = takeoverCheck == null ? Duration.ofSeconds(5) : takeoverCheck;
        if (staleAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("hub.rebuild.stale-after (" + staleAfter
                    + ") must be at least three heartbeats (" + heartbeat + ")");
        }
    }
}
