package org.unimoj.runtime.train.actors;

/** Typing help for the receive builders of generic actors. */
final class Messages {

    private Messages() {}

    /** {@code Pull.class} as a {@code Class<Pull<R>>}: a generic message's class, typed for the builder. */
    @SuppressWarnings("unchecked")
    static <T> Class<T> type(Class<?> raw) {
        return (Class<T>) raw;
    }
}
