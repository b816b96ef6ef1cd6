package org.rectify.platform;

/** A backup or restore that cannot go on, with the sentence the operator reads. */
class BackupException extends RuntimeException {

    BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
