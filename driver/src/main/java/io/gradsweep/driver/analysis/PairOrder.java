package io.gradsweep.driver.analysis;

/**
 * Which run of a pair reached a threshold first, at the resolution of the evaluation points (the
 * paired runs share them): the one comparison of two times that censoring never makes a guess.
 */
enum PairOrder {
    ARM_FIRST,
    REFERENCE_FIRST,
    /** Both reached it at the same evaluation point, or neither within the budget. */
    TIE,
    /** One stopped early (target_loss, time limit) before the other reached it, or both stopped early: no order. */
    UNDETERMINED;

    static PairOrder of(TimeToEvent arm, TimeToEvent ref) {
        if (arm.reached() && ref.reached()) {
            return arm.step() < ref.step() ? ARM_FIRST : arm.step() > ref.step() ? REFERENCE_FIRST : TIE;
        }
        if (arm.reached()) {
            // the reference was seen not there at ref.step(): first only if that is at or after the arm's crossing
            return ref.step() >= arm.step() ? ARM_FIRST : UNDETERMINED;
        }
        if (ref.reached()) {
            return arm.step() >= ref.step() ? REFERENCE_FIRST : UNDETERMINED;
        }
        return arm.censoring() == TimeToEvent.Censoring.AT_BUDGET && ref.censoring() == TimeToEvent.Censoring.AT_BUDGET
                ? TIE : UNDETERMINED;
    }

    /** The same order seen from the reference's side (swapping arms). */
    PairOrder swapped() {
        return switch (this) {
            case ARM_FIRST -> REFERENCE_FIRST;
            case REFERENCE_FIRST -> ARM_FIRST;
            default -> this;
        };
    }
}
