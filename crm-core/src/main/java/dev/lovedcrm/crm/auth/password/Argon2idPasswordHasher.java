package dev.lovedcrm.crm.auth.password;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.concurrent.Semaphore;

/**
 * argon2id through argon2-jvm, with at least the OWASP minimum parameters (m = 19 MiB, t = 2, p = 1)
 * and bounded concurrency: each hash holds {@code memoryKiB} of memory, so at most
 * {@code maxConcurrent} run at once (default: the number of cores) and a burst of logins queues
 * instead of exhausting memory.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    /** OWASP's minimum memory for argon2id: 19 MiB. */
    public static final int MIN_MEMORY_KIB = 19 * 1024;
    /** OWASP's minimum iterations with 19 MiB. */
    public static final int MIN_ITERATIONS = 2;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final Semaphore permits;

    private Argon2idPasswordHasher(int memoryKiB, int iterations, int parallelism, int maxConcurrent) {
        if (memoryKiB < MIN_MEMORY_KIB || iterations < MIN_ITERATIONS || parallelism < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("argon2id needs at least m=" + MIN_MEMORY_KIB + " KiB, t=" + MIN_ITERATIONS
                    + ", p=1 and one concurrent hash");
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.permits = new Semaphore(maxConcurrent, true);
    }

    /**
     * The OWASP minimum: m = 19 MiB, t = 2, p = 1, as many concurrent hashes as cores.
     *
     * @return the hasher
     */
    public static Argon2idPasswordHasher owaspMinimum() {
        return of(MIN_MEMORY_KIB, MIN_ITERATIONS, 1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A hasher with chosen parameters, each at least the OWASP minimum.
     *
     * @param memoryKiB memory per hash in KiB (≥ 19 456)
     * @param iterations passes over memory (≥ 2)
     * @param parallelism lanes (≥ 1)
     * @param maxConcurrent hashes allowed at once (≥ 1)
     * @return the hasher
     * @throws IllegalArgumentException when a parameter is below the minimum
     */
    public static Argon2idPasswordHasher of(int memoryKiB, int iterations, int parallelism, int maxConcurrent) {
        return new Argon2idPasswordHasher(memoryKiB, iterations, parallelism, maxConcurrent);
    }

    @Override
    public String hash(char[] password) {
        return bounded(() -> argon2.hash(iterations, memoryKiB, parallelism, password));
    }

    @Override
    public boolean verify(String hash, char[] password) {
        if (hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        return bounded(() -> argon2.verify(hash, password));
    }

    @Override
    public boolean needsRehash(String hash) {
        return hash == null || !hash.startsWith("$argon2id$") || argon2.needsRehash(hash, iterations, memoryKiB, parallelism);
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    @Override
    public String toString() {
        return "Argon2idPasswordHasher[m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + "]";
    }
}
