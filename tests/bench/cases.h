#pragma once

#include "harness.h"

#include "core/codec/encoding.h"

namespace sockscope::bench {

// Input sizes; --quick scales them down for a smoke run.
struct Sizes
{
    qsizetype hexDump = 64 * MiB;
    qsizetype hexSmall = 4 * MiB;  // toHex() / parseHex()
    qsizetype textChars = 6 * MiB; // UTF-16 units of generated text per encoding
    qsizetype framing = 64 * MiB;

    Sizes scaled(int divisor) const;
};

// Each builds its inputs (deterministic) and the table of cases that run over them. Inputs
// live in the cases' captures, so they are freed with the group.
Group hexGroup(const Sizes &sizes);
Group textDecoderGroup(const Sizes &sizes, Encoding encoding);
Group framingGroup(const Sizes &sizes);

} // namespace sockscope::bench
