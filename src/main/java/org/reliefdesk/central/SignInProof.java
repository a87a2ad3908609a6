package org.reliefdesk.central;

import org.reliefdesk.logic.users.PasswordHash;

/** What a PC sends to prove who it signs in as: a password's key (today), or the password (older PCs). */
public sealed interface SignInProof {

    /**
     * The key the PC derived with the recipe the central store gave for the name; with a
     * replacement when that recipe was {@linkplain PasswordHash.Recipe#outdated() outdated}.
     */
    record Key(byte[] key, PasswordHash.Recipe newRecipe, byte[] newKey) implements SignInProof {}

    /** The password itself, as PCs of earlier releases send it: the central store derives the key. */
    record Password(char[] password) implements SignInProof {}
}
