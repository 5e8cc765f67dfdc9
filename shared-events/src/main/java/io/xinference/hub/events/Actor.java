package io.xinference.hub.events;

/** A person as the identity provider knows them: the stable subject and the display username. */
public record Actor(String subject, String username) {
    public static final Actor SYSTEM = new Actor("system", "system");
}
