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

    /**
     * Whether the caller may act on an office-level object (a plan and its tasks' content and commands, cadences,
     * settings, circulars, notices, ledger entries, accountability, instructions, webhooks, people) owned by the
     * unit at {@code ownerUnitPath}: administrators everywhere; the office, supervisors and leaders on what their
     * unit runs and what lies below it, never a sibling's or a parent's; unit staff and heads on none (their
     * rights are on the tasks they lead). The role rules of each object still apply on top. The SQL form for
     * lists is {@link Jurisdiction#over}; an object the caller does not govern is "not found".
     */
    public boolean governs(String ownerUnitPath) {
        return scope.isAll() || (!role.isUnitRole() && ownerUnitPath != null && scope.includesUnitAt(ownerUnitPath));
    }

    /** How the caller is named in histories: "张三（市环境保护局）". */
    public String signature() {
        return displayName + "（" + unitName + "）";
    }
}
