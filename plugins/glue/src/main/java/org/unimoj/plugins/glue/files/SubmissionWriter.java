package org.unimoj.plugins.glue.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A GLUE submission file: the header {@code index\tprediction}, then one row per test example in
 * file order (the GLUE server matches rows by index). Written to a temporary file and moved into
 * place, so a half-written submission never lies in the output directory.
 */
public final class SubmissionWriter {

    private SubmissionWriter() {}

    public static Path write(Path file, List<String> indices, List<String> predictions) throws IOException {
        if (indices.size() != predictions.size()) {
            throw new IllegalArgumentException(indices.size() + " indices but " + predictions.size() + " predictions");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("index\tprediction\n");
                for (int i = 0; i < indices.size(); i++) {
                    w.write(indices.get(i));
                    w.write('\t');
                    w.write(predictions.get(i));
                    w.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
