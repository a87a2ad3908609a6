package org.reliefdesk.central;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.CatalogLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The central store serves HTTPS with a keystore (central --tls-keystore): a client that trusts
 * the certificate talks to it; plain HTTP to the same port gets nothing usable.
 */
class TlsTest {

    @TempDir
    Path dir;

    @Test
    void theCentralStoreServesHttpsWithAKeystore() throws Exception {
        Path keystore = dir.resolve("central.p12");
        String password = "keystore-pass-1";
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "central",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        password,
                        "-keypass",
                        password)
                .redirectErrorStream(true)
                .start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));

        try (CentralStore store = CentralStore.open(
                        "jdbc:h2:file:" + dir.resolve("central/central"),
                        CatalogLoader.loadBuiltIn(),
                        Clock.systemUTC());
                CentralServer server = CentralServer.startTls(store, "127.0.0.1", 0, keystore, password, null)) {
            assertTrue(server.url().startsWith("https://"));
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpResponse<String> r = HttpClient.newBuilder()
                    .sslContext(tls)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/me"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), r.body());
            assertTrue(r.body().contains("sync.auth.noToken"), r.body());

            // a client that does not trust the certificate is refused by TLS itself
            assertThrows(
                    IOException.class,
                    () -> HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/me"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()));
        }
    }
}
