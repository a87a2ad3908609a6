package org.reliefdesk.logic.users;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.reliefdesk.logic.Sha256;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) for a key of one block (32 bytes), the same bytes as the JDK's
 * {@code PBKDF2WithHmacSHA256} with the password in UTF-8 ({@code Pbkdf2Sha256Test} compares the two).
 *
 * <p>Why not the JDK's: its {@code Mac} hashes the padded password again in every round, four
 * SHA-256 blocks a round where two do. Here the two padded-password states are computed once and
 * each round compresses one block from each (the usual way PBKDF2 is implemented). The PC derives
 * a key of 600,000 rounds at every sign-in; with the command launcher's quick compiler (no SHA
 * intrinsic) the JDK's took 1.9 s of a 4.5-s first pull, this 0.6 s.
 */
final class Pbkdf2Sha256 {

    /** The key's length in bytes: one block of output, so only the first block is computed. */
    static final int KEY_BYTES = 32;

    private static final int BLOCK = 64;

    private static final int[] ROUND_CONSTANTS = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
    };

    private static final int[] INITIAL = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };

    /** A round's message: a 32-byte value after one block, in bits (64 + 32) * 8. */
    private static final int ROUND_MESSAGE_BITS = (BLOCK + KEY_BYTES) * 8;

    private Pbkdf2Sha256() {}

    /** The key of a password (UTF-8) with a salt, after {@code iterations} rounds (at least 1). */
    static byte[] derive(char[] password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1: " + iterations);
        }
        byte[] secret = utf8(password);
        try {
            if (secret.length > BLOCK) {
                byte[] hashed = Sha256.digest().digest(secret);
                Arrays.fill(secret, (byte) 0);
                secret = hashed;
            }
            int[] inner = padded(secret, 0x36);
            int[] outer = padded(secret, 0x5c);
            // U1 = HMAC(password, salt || INT(1)); the salt may be of any length
            byte[] first = Arrays.copyOf(salt, salt.length + 4);
            first[first.length - 1] = 1;
            int[] u = finish(outer, toBytes(finish(inner, first)));
            int[] t = u.clone();
            int[] w = new int[BLOCK];
            int[] s = new int[8];
            for (int n = 1; n < iterations; n++) {
                round(inner, u, s, w);
                round(outer, s, u, w);
                for (int i = 0; i < 8; i++) {
                    t[i] ^= u[i];
                }
            }
            Arrays.fill(inner, 0);
            Arrays.fill(outer, 0);
            return toBytes(t);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** {@code into} = SHA-256 of (the block behind {@code state}, then the 32-byte {@code value}). */
    private static void round(int[] state, int[] value, int[] into, int[] w) {
        System.arraycopy(value, 0, w, 0, 8);
        w[8] = 0x80000000;
        Arrays.fill(w, 9, 15, 0);
        w[15] = ROUND_MESSAGE_BITS;
        System.arraycopy(state, 0, into, 0, 8);
        compress(into, w);
    }

    /** The state after one block: the secret, zero-padded to a block, each byte XOR {@code pad}. */
    private static int[] padded(byte[] secret, int pad) {
        byte[] block = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (byte) ((i < secret.length ? secret[i] : 0) ^ pad);
        }
        int[] state = INITIAL.clone();
        int[] w = new int[BLOCK];
        load(block, 0, w);
        compress(state, w);
        Arrays.fill(block, (byte) 0);
        return state;
    }

    /** The SHA-256 of (one block already in {@code state}, then {@code message}), as eight words. */
    private static int[] finish(int[] state, byte[] message) {
        return digest(state.clone(), message, BLOCK);
    }

    /** Hashes {@code message} into {@code state}, which has taken {@code before} bytes already. */
    private static int[] digest(int[] state, byte[] message, int before) {
        long bits = (long) (before + message.length) * 8;
        int blocks = (message.length + 8) / BLOCK + 1;
        byte[] padded = Arrays.copyOf(message, blocks * BLOCK);
        padded[message.length] = (byte) 0x80;
        ByteBuffer.wrap(padded).putLong(padded.length - 8, bits);
        int[] w = new int[BLOCK];
        for (int b = 0; b < blocks; b++) {
            load(padded, b * BLOCK, w);
            compress(state, w);
        }
        return state;
    }

    /** The SHA-256 compression of the 16 words in {@code w} (w is 64 long: the schedule's room). */
    private static void compress(int[] state, int[] w) {
        for (int t = 16; t < BLOCK; t++) {
            int x = w[t - 2];
            int y = w[t - 15];
            int s1 = Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
            int s0 = Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int t = 0; t < BLOCK; t++) {
            int sum1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int t1 = h + sum1 + ((e & f) ^ (~e & g)) + ROUND_CONSTANTS[t] + w[t];
            int sum0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int t2 = sum0 + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    private static void load(byte[] bytes, int from, int[] w) {
        for (int i = 0; i < 16; i++) {
            int p = from + 4 * i;
            w[i] = ((bytes[p] & 0xff) << 24)
                    | ((bytes[p + 1] & 0xff) << 16)
                    | ((bytes[p + 2] & 0xff) << 8)
                    | (bytes[p + 3] & 0xff);
        }
    }

    private static byte[] toBytes(int[] words) {
        ByteBuffer out = ByteBuffer.allocate(words.length * 4);
        for (int word : words) {
            out.putInt(word);
        }
        return out.array();
    }

    /** The password in UTF-8 without a String (which could not be wiped), as the JDK's PBKDF2 encodes it. */
    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
