// Checks the Qt Linguist sources in translations/ so that "the Chinese UI is
// complete" is a tested fact rather than a hope:
//   - every zh_CN message is finished and non-empty (one numerus form each);
//   - no file has an unfinished, vanished or obsolete entry;
//   - every translation keeps the source's placeholders (%1..%9, %n, %L1, %Ln)
//     and, when the source has a keyboard accelerator (&F), keeps one too;
//   - English plural messages have both a singular and a plural form.
// The test reads the .ts files next to the sources, so it fails as soon as
// `update_translations` brings in new strings that nobody translated.

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList forms; // one entry for a plain message, one per numerusform otherwise
    qint64 line = 0;

    QString where() const
    {
        QString s = QStringLiteral("line %1, %2: \"%3\"").arg(line).arg(context, source);
        if (!comment.isEmpty())
            s += QStringLiteral(" (%1)").arg(comment);
        return s;
    }
};

struct TsFile
{
    QString language;
    QString sourceLanguage;
    QList<TsMessage> messages;
    QString error;
};

QString translationsDir()
{
    // Given by CMake (not __FILE__, which a compiler cache may make relative).
    return QStringLiteral(SOCKSCOPE_SOURCE_DIR "/translations");
}

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage msg;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QStringView name = xml.name();
            if (name == u"TS") {
                ts.language = xml.attributes().value(QStringLiteral("language")).toString();
                ts.sourceLanguage =
                    xml.attributes().value(QStringLiteral("sourcelanguage")).toString();
            } else if (name == u"context") {
                context.clear();
            } else if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                inMessage = true;
                msg = TsMessage();
                msg.context = context;
                msg.line = xml.lineNumber();
                msg.numerus =
                    xml.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes");
            } else if (inMessage && name == u"source") {
                msg.source = xml.readElementText();
            } else if (inMessage && name == u"comment") {
                msg.comment = xml.readElementText();
            } else if (inMessage && name == u"translation") {
                msg.type = xml.attributes().value(QStringLiteral("type")).toString();
                if (!msg.numerus) {
                    msg.forms << xml.readElementText();
                }
            } else if (inMessage && name == u"numerusform") {
                msg.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            ts.messages << msg;
            inMessage = false;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

// Sorted, de-duplicated placeholders: %1..%9 (a following digit would make it
// %10+, which the sources do not use), %n, and their %L forms.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(?:[1-9]|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    out.sort();
    out.removeDuplicates();
    return out;
}

// True when text has a keyboard accelerator: '&' followed by something other
// than '&' ("&&" is a literal ampersand) or a space.
bool hasAccelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        const QChar next = text.at(i + 1);
        if (next == u'&') {
            ++i;
            continue;
        }
        if (!next.isSpace())
            return true;
    }
    return false;
}

QString report(const QStringList &problems, int limit = 60)
{
    QStringList shown = problems.mid(0, limit);
    if (problems.size() > limit)
        shown << QStringLiteral("… and %1 more").arg(problems.size() - limit);
    return QStringLiteral("%1 problem(s):\n  ").arg(problems.size()) +
           shown.join(QStringLiteral("\n  "));
}

// Problems that apply to every file: leftovers and changed placeholders.
QStringList commonProblems(const TsFile &ts)
{
    QStringList problems;
    for (const TsMessage &m : ts.messages) {
        if (m.type == QStringLiteral("vanished") || m.type == QStringLiteral("obsolete")) {
            problems << QStringLiteral("%1 entry: %2").arg(m.type, m.where());
            continue;
        }
        if (m.type == QStringLiteral("unfinished"))
            problems << QStringLiteral("unfinished: %1").arg(m.where());
        const QStringList expected = placeholders(m.source);
        for (const QString &form : m.forms) {
            if (form.isEmpty())
                continue; // an empty translation falls back to the source
            const QStringList got = placeholders(form);
            if (got != expected) {
                problems << QStringLiteral("placeholders %1 instead of %2: %3 -> \"%4\"")
                                .arg(got.join(u' '), expected.join(u' '), m.where(), form);
            }
            if (hasAccelerator(m.source) && !hasAccelerator(form))
                problems << QStringLiteral("accelerator lost: %1 -> \"%2\"").arg(m.where(), form);
        }
    }
    return problems;
}

} // namespace

class tst_TranslationFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(translationsDir()),
                 qPrintable(QStringLiteral("no translations directory at ") + translationsDir()));
    }

    void helpers()
    {
        QCOMPARE(placeholders(QStringLiteral("%2 of %1, %n item(s), %L1 and %Ln, 100%")),
                 (QStringList{QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%L1"),
                              QStringLiteral("%Ln"), QStringLiteral("%n")}));
        QVERIFY(hasAccelerator(QStringLiteral("&File")));
        QVERIFY(hasAccelerator(QStringLiteral("文件(&F)")));
        QVERIFY(!hasAccelerator(QStringLiteral("Save && Quit")));
        QVERIFY(!hasAccelerator(QStringLiteral("A & B")));
    }

    void zhCnIsComplete()
    {
        const TsFile ts = readTs(translationsDir() + QStringLiteral("/sockscope_zh_CN.ts"));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.language, QStringLiteral("zh_CN"));
        QVERIFY2(ts.messages.size() >= 700,
                 qPrintable(QStringLiteral("only %1 messages in the zh_CN file; "
                                           "was it generated from all sources?")
                                .arg(ts.messages.size())));

        QStringList problems = commonProblems(ts);
        int translated = 0;
        for (const TsMessage &m : ts.messages) {
            if (m.type == QStringLiteral("vanished") || m.type == QStringLiteral("obsolete"))
                continue;
            if (m.numerus && m.forms.size() != 1) {
                problems << QStringLiteral("%1 numerus forms (Chinese needs exactly 1): %2")
                                .arg(m.forms.size())
                                .arg(m.where());
            }
            bool empty = m.forms.isEmpty();
            for (const QString &form : m.forms)
                empty = empty || form.isEmpty();
            if (empty)
                problems << QStringLiteral("empty translation: %1").arg(m.where());
            else if (m.type.isEmpty())
                ++translated;
        }
        qInfo("zh_CN: %d of %d messages translated", translated, int(ts.messages.size()));
        QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
    }

    void englishIsComplete()
    {
        const TsFile ts = readTs(translationsDir() + QStringLiteral("/sockscope_en.ts"));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QVERIFY2(ts.language.startsWith(QStringLiteral("en")), qPrintable(ts.language));

        QStringList problems = commonProblems(ts);
        int plurals = 0;
        for (const TsMessage &m : ts.messages) {
            if (!m.numerus)
                continue;
            ++plurals;
            if (m.forms.size() != 2) {
                problems << QStringLiteral("%1 numerus forms (English needs 2): %2")
                                .arg(m.forms.size())
                                .arg(m.where());
                continue;
            }
            if (m.forms.at(0).isEmpty() || m.forms.at(1).isEmpty())
                problems << QStringLiteral("empty plural form: %1").arg(m.where());
            else if (m.forms.at(0).contains(QStringLiteral("(s)")) ||
                     m.forms.at(1).contains(QStringLiteral("(s)")))
                problems << QStringLiteral("\"(s)\" left in a plural form: %1").arg(m.where());
        }
        QVERIFY2(plurals > 0, "no plural messages in the English file");
        QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
    }

    // Both files are generated from the same sources: they must hold the same messages.
    void filesMatch()
    {
        const TsFile zh = readTs(translationsDir() + QStringLiteral("/sockscope_zh_CN.ts"));
        const TsFile en = readTs(translationsDir() + QStringLiteral("/sockscope_en.ts"));
        QVERIFY2(zh.error.isEmpty(), qPrintable(zh.error));
        QVERIFY2(en.error.isEmpty(), qPrintable(en.error));
        auto keys = [](const TsFile &ts) {
            QStringList k;
            for (const TsMessage &m : ts.messages)
                k << m.context + u'\x1f' + m.source + u'\x1f' + m.comment;
            k.sort();
            return k;
        };
        const QStringList zk = keys(zh);
        const QStringList ek = keys(en);
        QStringList problems;
        for (const QString &k : zk)
            if (!ek.contains(k))
                problems << QStringLiteral("only in zh_CN: ") + QString(k).replace(u'\x1f', u'|');
        for (const QString &k : ek)
            if (!zk.contains(k))
                problems << QStringLiteral("only in en: ") + QString(k).replace(u'\x1f', u'|');
        QVERIFY2(problems.isEmpty(),
                 qPrintable(report(problems) +
                            QStringLiteral("\nRun the update_translations target.")));
    }
};

QTEST_GUILESS_MAIN(tst_TranslationFiles)
#include "tst_translationfiles.moc"
