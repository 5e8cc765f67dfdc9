package io.xinference.hub.events;

/** Why a model expired: a person said "expire now", or its scheduled expiration date passed. */
public enum ExpiryCause { MANUAL, SCHEDULED }
