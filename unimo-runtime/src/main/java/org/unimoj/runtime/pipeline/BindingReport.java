package org.unimoj.runtime.pipeline;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.DefaultBindingScopingVisitor;
import com.google.inject.spi.DefaultBindingTargetVisitor;
import com.google.inject.spi.ConstructorBinding;
import com.google.inject.spi.InstanceBinding;
import com.google.inject.spi.LinkedKeyBinding;
import com.google.inject.spi.ProviderInstanceBinding;
import com.google.inject.spi.ProviderKeyBinding;
import com.google.inject.spi.UntargettedBinding;
import com.google.inject.Scope;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What a composed pipeline binds, for {@code unimo pipeline show}: one line per key with its
 * target, scope and the module that declared it. Built in Guice's TOOL stage, so nothing is
 * instantiated and no eager singleton runs.
 */
public final class BindingReport {

    private BindingReport() {}

    /** One binding: the key, what it resolves to, its scope and where it was declared. */
    public record Line(String key, String target, String scope, String source) {}

    public static List<Line> of(Module module) {
        Injector injector = Guice.createInjector(Stage.TOOL, module);
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Key<?>, Binding<?>> e : injector.getBindings().entrySet()) {
            Key<?> key = e.getKey();
            Class<?> raw = key.getTypeLiteral().getRawType();
            if (raw == Injector.class || raw == Stage.class || raw == Logger.class) {
                continue; // Guice binds these itself in every injector
            }
            Binding<?> b = e.getValue();
            lines.add(new Line(describe(key), b.acceptTargetVisitor(new Target<>()), b.acceptScopingVisitor(new ScopeName()), String.valueOf(b.getSource())));
        }
        lines.sort(Comparator.comparing(Line::key));
        return lines;
    }

    private static String describe(Key<?> key) {
        String type = key.getTypeLiteral().toString();
        Class<? extends Annotation> at = key.getAnnotationType();
        if (at == null) {
            return type;
        }
        Annotation a = key.getAnnotation();
        return type + " @" + (a != null ? a.toString().replaceFirst("^@", "") : at.getSimpleName());
    }

    private static final class Target<T> extends DefaultBindingTargetVisitor<T, String> {
        @Override
        public String visit(InstanceBinding<? extends T> b) {
            Object i = b.getInstance();
            return "instance of " + (i == null ? "null" : i.getClass().getName());
        }

        @Override
        public String visit(LinkedKeyBinding<? extends T> b) {
            return "-> " + describe(b.getLinkedKey());
        }

        @Override
        public String visit(ProviderInstanceBinding<? extends T> b) {
            return "provider " + b.getUserSuppliedProvider();
        }

        @Override
        public String visit(ProviderKeyBinding<? extends T> b) {
            return "provider key " + describe(b.getProviderKey());
        }

        @Override
        public String visit(ConstructorBinding<? extends T> b) {
            return "constructor of " + b.getConstructor().getDeclaringType();
        }

        @Override
        public String visit(UntargettedBinding<? extends T> b) {
            return "constructor of " + b.getKey().getTypeLiteral();
        }

        @Override
        protected String visitOther(Binding<? extends T> b) {
            return b.getClass().getSimpleName().replace("Impl", "").toLowerCase();
        }
    }

    private static final class ScopeName extends DefaultBindingScopingVisitor<String> {
        @Override
        public String visitEagerSingleton() {
            return "eager singleton";
        }

        @Override
        public String visitScope(Scope scope) {
            return scope.toString();
        }

        @Override
        public String visitScopeAnnotation(Class<? extends Annotation> a) {
            return "@" + a.getSimpleName();
        }

        @Override
        public String visitNoScoping() {
            return "unscoped";
        }

        @Override
        protected String visitOther() {
            return "unscoped";
        }
    }
}
