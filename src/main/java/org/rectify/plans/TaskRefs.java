package org.rectify.plans;

/** Task references as plans write them: {@code 二(三)1} is section 二, item (三), sub-item 1. */
public final class TaskRefs {

    private TaskRefs() {
    }

    /** The top-level section of a reference: {@code 二(三)1} → {@code 二}. */
    public static String section(String ref) {
        int paren = ref.indexOf('(');
        String head = paren < 0 ? ref : ref.substring(0, paren);
        int digit = 0;
        while (digit < head.length() && !Character.isDigit(head.charAt(digit))) {
            digit++;
        }
        return head.substring(0, digit);
    }

    /** Whether {@code ref} lies in the section or item {@code prefix} ({@code 二}, {@code 二(三)}). */
    public static boolean within(String ref, String prefix) {
        if (ref.equals(prefix)) {
            return true;
        }
        return prefix.endsWith(")") ? ref.startsWith(prefix) : ref.startsWith(prefix + "(") || isSubItemOf(ref, prefix);
    }

    private static boolean isSubItemOf(String ref, String prefix) {
        // 六1 lies in 六 when a section has sub-items without items
        return ref.startsWith(prefix) && ref.length() > prefix.length() && Character.isDigit(ref.charAt(prefix.length()));
    }
}
