package org.rectify.progress;

/** Where the work stands, as the unit reports it: 尚未启动 / 推进中 / 已完成 / 长期坚持. */
public enum Phase {
    NOT_STARTED, IN_PROGRESS, COMPLETED, ONGOING
}
