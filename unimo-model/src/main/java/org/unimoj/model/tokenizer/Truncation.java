package org.unimoj.model.tokenizer;

/** How a text pair is cut to fit a length budget. */
public enum Truncation {
    /** Cut the longer of the two, one id at a time (the second on ties): Hugging Face's "longest_first". */
    LONGEST_FIRST,
    /** Cut only the first text; fails if that is not enough. */
    ONLY_FIRST,
    /** Cut only the second text; fails if that is not enough. */
    ONLY_SECOND;

    /** The lengths {@code {na, nb}} that fit {@code budget} ids. */
    int[] fit(int na, int nb, int budget) {
        int over = na + nb - budget;
        if (over <= 0) {
            return new int[] {na, nb};
        }
        switch (this) {
            case ONLY_FIRST:
                if (over > na) {
                    throw new IllegalArgumentException("the second text alone has " + nb + " ids, more than the " + budget + " left");
                }
                return new int[] {na - over, nb};
            case ONLY_SECOND:
                if (over > nb) {
                    throw new IllegalArgumentException("the first text alone has " + na + " ids, more than the " + budget + " left");
                }
                return new int[] {na, nb - over};
            default:
                // Equalise the longer one down to the shorter one, then cut both alternately (second
                // one first), which is what cutting one id at a time from the longer one does, and
                // what Hugging Face's truncate_sequences computes in closed form.
                int a = na, b = nb;
                int diff = Math.min(Math.abs(a - b), over);
                if (a > b) {
                    a -= diff;
                } else {
                    b -= diff;
                }
                int rest = over - diff;
                a -= rest / 2;
                b -= (rest + 1) / 2;
                return new int[] {a, b};
        }
    }
}
