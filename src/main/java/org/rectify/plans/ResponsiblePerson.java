package org.rectify.plans;

/** 一名责任人: the one person answerable for a task. The phone never leaves the office's screens. */
public record ResponsiblePerson(String name, String post, Long unitId, String phone) {
}
