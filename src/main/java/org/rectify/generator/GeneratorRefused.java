package org.rectify.generator;

/** The generator will not write: the sentence says why and what to do. */
public class GeneratorRefused extends RuntimeException {

    public GeneratorRefused(String sentence) {
        super(sentence);
    }
}
