package dev.lovedcrm.crm.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * Generates UUID version 7 values (RFC 9562 §5.7): 48 bits of Unix milliseconds followed by
 * random bits, so ids sort by creation time and index well as primary keys. {@link #next()} is
 * monotonic within this JVM: ids made in the same millisecond carry an increasing 12-bit counter
 * (RFC 9562 §6.2, method 1), so they sort in the order they were made.
 */
public final class UuidV7 {

    private static final Random RANDOM = new SecureRandom();
    private static final Clock SYSTEM = Clock.systemUTC();

    private static long lastMillis;
    private static int counter;

    private UuidV7() {
    }

    /**
     * A new UUIDv7 from the system clock and a {@link SecureRandom}, greater than every earlier one
     * made by this method in this JVM.
     *
     * @return the UUID
     */
    public static UUID next() {
        long millis;
        int sequence;
        synchronized (UuidV7.class) {
            millis = SYSTEM.millis();
            if (millis <= lastMillis) {
                millis = lastMillis;
                counter++;
                if (counter > 0xFFF) {
                    millis++;
                    counter = 0;
                }
            } else {
                counter = 0;
            }
            lastMillis = millis;
            sequence = counter;
        }
        return build(millis, sequence, RANDOM);
    }

    /**
     * A new UUIDv7 from the given sources, for deterministic tests.
     *
     * @param clock source of the timestamp
     * @param random source of the random bits
     * @return the UUID
     */
    public static UUID next(Clock clock, Random random) {
        return build(clock.millis(), random.nextInt(1 << 12), random);
    }

    private static UUID build(long millis, int randA, Random random) {
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
