// sockscope_bench_core: throughput of the byte-level core (hex, text decoders, framing).
// Prints numbers; it asserts nothing about speed. See README.md for how to run it.

#include "cases.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>
#include <QThread>

#include <functional>

using namespace Qt::StringLiterals;
using namespace sockscope;
using namespace sockscope::bench;

namespace {

struct GroupFactory
{
    QString key;
    std::function<Group(const Sizes &)> make;
};

const QList<GroupFactory> &factories()
{
    static const QList<GroupFactory> list{
        {u"hex"_s, hexGroup},
        {u"utf8"_s, [](const Sizes &s) { return textDecoderGroup(s, Encoding::Utf8); }},
        {u"gbk"_s, [](const Sizes &s) { return textDecoderGroup(s, Encoding::Gbk); }},
        {u"latin1"_s, [](const Sizes &s) { return textDecoderGroup(s, Encoding::Latin1); }},
        {u"framing"_s, framingGroup},
    };
    return list;
}

QString procField(const QString &path, const QString &pattern)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return u"?"_s;
    const auto match = QRegularExpression(pattern, QRegularExpression::MultilineOption)
                           .match(QString::fromLocal8Bit(file.readAll()));
    return match.hasMatch() ? match.captured(1).trimmed() : u"?"_s;
}

QString loadAverage()
{
    return procField(u"/proc/loadavg"_s, u"^(\\S+ \\S+ \\S+)"_s);
}

void printMachine(QTextStream &out, int repetitions, bool quick)
{
    out << "sockscope_bench_core: best of " << repetitions << " runs per case"
        << (quick ? " (--quick: inputs scaled down 16x)" : "") << '\n'
        << "CPU: " << procField(u"/proc/cpuinfo"_s, u"^model name\\s*:(.*)$"_s) << ", "
        << QThread::idealThreadCount() << " logical cores; Qt " << qVersion() << '\n'
        << "load average at start: " << loadAverage() << '\n';
#ifndef NDEBUG
    out << "WARNING: built without NDEBUG (not a Release build): numbers are not "
           "representative.\n";
#endif
    out.flush();
}

} // namespace

Sizes Sizes::scaled(int divisor) const
{
    return {hexDump / divisor, hexSmall / divisor, textChars / divisor, framing / divisor};
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"sockscope_bench_core"_s);

    QStringList keys;
    for (const GroupFactory &f : factories())
        keys << f.key;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Throughput of SockScope's byte-level core. Progress goes to stderr, tables to stdout."_s);
    parser.addHelpOption();
    const QCommandLineOption repsOption(u"reps"_s, u"Runs per case; the best counts."_s, u"N"_s,
                                        u"5"_s);
    const QCommandLineOption onlyOption(
        u"only"_s, u"Comma-separated groups to run: %1."_s.arg(keys.join(u", ")), u"groups"_s);
    const QCommandLineOption quickOption(u"quick"_s, u"Inputs 16x smaller (smoke run)."_s);
    const QCommandLineOption markdownOption(u"markdown"_s, u"Print Markdown tables."_s);
    parser.addOptions({repsOption, onlyOption, quickOption, markdownOption});
    parser.process(app);

    bool repsOk = false;
    const int repetitions = parser.value(repsOption).toInt(&repsOk);
    const QStringList only = parser.value(onlyOption).split(u',', Qt::SkipEmptyParts);
    for (const QString &key : only) {
        if (!keys.contains(key)) {
            qCritical("unknown group '%s' (known: %s)", qPrintable(key),
                      qPrintable(keys.join(u", ")));
            return 2;
        }
    }
    if (!repsOk || repetitions < 1) {
        qCritical("--reps needs a positive number");
        return 2;
    }

    const bool quick = parser.isSet(quickOption);
    const Sizes sizes = quick ? Sizes().scaled(16) : Sizes();
    QTextStream out(stdout);
    QTextStream err(stderr);
    printMachine(out, repetitions, quick);

    QElapsedTimer total;
    total.start();
    for (const GroupFactory &factory : factories()) {
        if (!only.isEmpty() && !only.contains(factory.key))
            continue;
        err << factory.key << ": preparing inputs ..." << Qt::endl;
        const Group group = factory.make(sizes);
        const QList<Result> results = runGroup(group, repetitions);
        printGroup(out, group, results, parser.isSet(markdownOption));
    }
    out << "\nload average at end: " << loadAverage() << "; total "
        << QString::number(double(total.elapsed()) / 1000, 'f', 1) << " s\n";
    return 0;
}
