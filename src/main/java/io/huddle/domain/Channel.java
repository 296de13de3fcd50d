package io.huddle.domain;

/** The medium of an interaction. */
public enum Channel { VOICE, CHAT, MESSAGING }
