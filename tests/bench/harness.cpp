#include "harness.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <limits>

using namespace Qt::StringLiterals;

namespace sockscope::bench {

namespace {

// Keeps every run's result observable, so the compiler cannot drop the work.
volatile qint64 g_sink = 0;

Result runCase(const Case &c, int repetitions)
{
    Result result;
    qint64 best = std::numeric_limits<qint64>::max();
    for (int rep = 0; rep < repetitions; ++rep) {
        QElapsedTimer timer;
        timer.start();
        RunOutput out = c.run();
        const qint64 ns = timer.nsecsElapsed();
        g_sink = g_sink + out.sink;
        if (out.error.isEmpty() && c.expectedItems >= 0 && out.items != c.expectedItems)
            out.error = u"produced %1 items, expected %2"_s.arg(out.items).arg(c.expectedItems);
        result.output = out;
        if (!out.error.isEmpty())
            return result; // bestNs stays -1
        best = std::min(best, ns);
    }
    result.bestNs = best;
    return result;
}

double mibPerSec(qint64 bytes, qint64 ns)
{
    return double(bytes) / double(MiB) / (double(ns) / 1e9);
}

QString formatRate(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : (v < 100 ? 1 : 0));
}

bool hasBaselines(const Group &group)
{
    return std::any_of(group.cases.cbegin(), group.cases.cend(),
                       [](const Case &c) { return !c.baseline.isEmpty(); });
}

// "1.85x" and the baseline's name, or two empty cells.
QStringList ratioCells(const Group &group, const QList<Result> &results, qsizetype row)
{
    const QString &baseline = group.cases[row].baseline;
    if (baseline.isEmpty() || results[row].bestNs < 0)
        return {QString(), QString()};
    for (qsizetype i = 0; i < group.cases.size(); ++i) {
        if (group.cases[i].name != baseline || results[i].bestNs < 0)
            continue;
        // Throughput ratio, this case over the baseline (same input by construction).
        const double ratio = double(results[i].bestNs) / double(results[row].bestNs);
        return {QString::number(ratio, 'f', 2) + u'x', baseline};
    }
    return {u"n/a"_s, baseline};
}

QStringList rowCells(const Group &group, const QList<Result> &results, qsizetype row)
{
    const Case &c = group.cases[row];
    const Result &r = results[row];
    QStringList cells{c.name, formatBytes(c.inputBytes)};
    if (r.bestNs < 0) {
        cells << u"FAILED"_s; // the reason is printed under the table
        return cells;
    }
    cells << formatRate(double(r.bestNs) / 1e6) << formatRate(mibPerSec(c.inputBytes, r.bestNs));
    if (!group.itemUnit.isEmpty())
        cells << formatRate(double(r.output.items) / 1e6 / (double(r.bestNs) / 1e9));
    if (hasBaselines(group))
        cells << ratioCells(group, results, row);
    return cells;
}

void printTable(QTextStream &out, const QStringList &header, const QList<QStringList> &rows,
                bool markdown)
{
    // The first column and "vs" are names (left aligned), the others numbers (right aligned).
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths << h.size();
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());

    auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = cells.value(i);
            const bool text = i == 0 || header[i] == u"vs";
            padded << (text ? cell.leftJustified(widths[i]) : cell.rightJustified(widths[i]));
        }
        out << (markdown ? u"| "_s + padded.join(u" | "_s) + u" |"_s
                         : padded.join(u"  "_s).trimmed())
            << '\n';
    };
    line(header);
    if (markdown) {
        QStringList rule;
        for (qsizetype i = 0; i < widths.size(); ++i)
            rule << (i == 0 || header[i] == u"vs" ? QString(widths[i], u'-')
                                                  : QString(widths[i] - 1, u'-') + u':');
        out << u"| "_s + rule.join(u" | "_s) + u" |"_s << '\n';
    }
    for (const QStringList &row : rows)
        line(row);
}

} // namespace

QList<Result> runGroup(const Group &group, int repetitions)
{
    QList<Result> results;
    QTextStream err(stderr);
    for (const Case &c : group.cases) {
        err << "  running " << c.name << " ..." << Qt::endl;
        results << runCase(c, repetitions);
    }
    return results;
}

void printGroup(QTextStream &out, const Group &group, const QList<Result> &results, bool markdown)
{
    QStringList header{u"Case"_s, u"Input"_s, u"Best ms"_s, u"MiB/s"_s};
    if (!group.itemUnit.isEmpty())
        header << u"M %1/s"_s.arg(group.itemUnit);
    if (hasBaselines(group))
        header << u"Ratio"_s << u"vs"_s;

    QList<QStringList> rows;
    for (qsizetype i = 0; i < group.cases.size(); ++i)
        rows << rowCells(group, results, i);

    out << '\n' << (markdown ? u"#### "_s : QString()) << group.title << "\n\n";
    printTable(out, header, rows, markdown);
    QStringList notes = group.notes;
    for (qsizetype i = 0; i < group.cases.size(); ++i)
        if (results[i].bestNs < 0)
            notes << u"FAILED %1: %2"_s.arg(group.cases[i].name, results[i].output.error);
    if (!notes.isEmpty())
        out << '\n';
    for (const QString &note : notes)
        out << (markdown ? u"- "_s : u"  * "_s) << note << '\n';
    out.flush();
}

QString formatBytes(qint64 bytes)
{
    auto fmt = [](double v, const char *unit) {
        return u"%1 %2"_s.arg(QString::number(v, 'f', v == qint64(v) ? 0 : 1),
                              QLatin1StringView(unit));
    };
    if (bytes >= MiB)
        return fmt(double(bytes) / MiB, "MiB");
    if (bytes >= KiB)
        return fmt(double(bytes) / KiB, "KiB");
    return fmt(double(bytes), "B");
}

} // namespace sockscope::bench
