#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <utility>

class QTextStream;

namespace sockscope::bench {

constexpr qsizetype KiB = 1024;
constexpr qsizetype MiB = 1024 * KiB;

// What one timed run hands back. `items` feeds the per-second column (frames, characters) and
// is checked against Case::expectedItems; `sink` is folded into a value the harness keeps, so
// no work can be optimised away.
struct RunOutput
{
    RunOutput(qint64 items = 0, qint64 sink = 0, QString error = {})
        : items(items), sink(sink), error(std::move(error))
    {}

    qint64 items = 0;
    qint64 sink = 0;
    QString error; // non-empty: the run failed and the row says why instead of a number
};

struct Case
{
    Case(QString name, qint64 inputBytes, std::function<RunOutput()> run, QString baseline = {},
         qint64 expectedItems = -1)
        : name(std::move(name)), inputBytes(inputBytes), run(std::move(run)),
          baseline(std::move(baseline)), expectedItems(expectedItems)
    {}

    QString name;
    qint64 inputBytes = 0; // what MiB/s is computed from
    std::function<RunOutput()> run;
    QString baseline;          // name of the case in the same group the ratio compares with
    qint64 expectedItems = -1; // -1: not checked
};

struct Group
{
    QString title;
    QString itemUnit; // "frames", "chars"; empty: no per-item column
    QList<Case> cases;
    QStringList notes; // printed under the table
};

struct Result
{
    qint64 bestNs = -1; // -1: failed, see output.error
    RunOutput output;
};

// Best of `repetitions` wall-clock runs of every case, in table order.
QList<Result> runGroup(const Group &group, int repetitions);

// Plain text for a terminal, or a Markdown table for README.md.
void printGroup(QTextStream &out, const Group &group, const QList<Result> &results, bool markdown);

// Calls f(QByteArrayView) for consecutive slices of data: first `leadIn` bytes (if non-zero),
// then `chunkSize` bytes at a time, the last slice possibly shorter.
template <typename F>
void forEachChunk(QByteArrayView data, qsizetype chunkSize, qsizetype leadIn, F &&f)
{
    qsizetype pos = 0;
    if (leadIn > 0) {
        pos = std::min(leadIn, data.size());
        f(data.first(pos));
    }
    while (pos < data.size()) {
        const qsizetype n = std::min(chunkSize, data.size() - pos);
        f(data.sliced(pos, n));
        pos += n;
    }
}

QString formatBytes(qint64 bytes); // "64 MiB", "1 KiB", "517 B"

} // namespace sockscope::bench
