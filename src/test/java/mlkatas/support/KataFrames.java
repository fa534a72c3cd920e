package mlkatas.support;

import java.util.Arrays;
import java.util.List;

/** The stack frames that belong to the learner's own classes (not tests, oracles or test support). */
public final class KataFrames {

    private KataFrames() {
    }

    /** True for a frame of a kata class such as {@code mlkatas.nn.Softmax}. */
    public static boolean isKataFrame(StackTraceElement frame) {
        String name = frame.getClassName();
        return name.startsWith("mlkatas.") && !name.startsWith("mlkatas.support.")
                && !name.matches(".*(Test|Oracle)(\\$.*)?");
    }

    /** "Softmax.softmax(Softmax.java:12)". */
    public static String describe(StackTraceElement frame) {
        String name = frame.getClassName();
        return name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName() + "(" + frame.getFileName()
                + ":" + frame.getLineNumber() + ")";
    }

    /** The first {@code max} kata frames of {@code stack}, described. */
    public static List<String> of(StackTraceElement[] stack, int max) {
        return Arrays.stream(stack).filter(KataFrames::isKataFrame).limit(max).map(KataFrames::describe).toList();
    }
}
