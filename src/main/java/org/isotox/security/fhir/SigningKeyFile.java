package org.isotox.security.fhir;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The embedded issuer's RSA signing key, kept in a file readable by the server's user only, so
 * that tokens stay valid across restarts and every node sharing the data folder signs alike.
 */
final class SigningKeyFile {

    private SigningKeyFile() {}

    static RSAKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (ParseException e) {
                throw new IllegalStateException("The issuer key file " + file + " is not an RSA JWK", e);
            }
        }
        RSAKey key = generate();
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path written = Files.createTempFile(directory, "issuer-key", ".tmp");
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply
        }
        Files.writeString(written, key.toJSONString(), StandardCharsets.UTF_8);
        try {
            Files.move(written, file);
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            Files.deleteIfExists(written);
        }
        return loadOrCreate(file);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new UncheckedIOException(new IOException("Cannot generate the issuer's signing key", e));
        }
    }
}
