package org.rectify.access;

/**
 * The signed-in account making a request. Controllers take it as a method parameter; the service layer
 * takes its {@link #scope()} and its name for the history.
 */
public record Caller(long accountId, String username, String displayName, long unitId, String unitName,
                     Role role, DataScope scope) implements java.io.Serializable {

    public boolean hasRole(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    /** How the caller is named in histories: "张三（市环境保护局）". */
    public String signature() {
        return displayName + "（" + unitName + "）";
    }
}
