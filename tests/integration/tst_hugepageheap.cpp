#include "appprocess.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTest>

using namespace sockscope::test;

// Issue #16: where the kernel gives huge pages only on request (transparent_hugepage
// "madvise"), sockscope restarts itself once with glibc's hugetlb tunable, so the heap that
// received bytes land in is advised ("hg" in the heap's VmFlags), keeping its name.
class tst_HugePageHeap : public QObject
{
    Q_OBJECT

private:
    static QByteArray heapFlags(qint64 pid)
    {
        QFile smaps(QStringLiteral("/proc/%1/smaps").arg(pid));
        if (!smaps.open(QIODevice::ReadOnly))
            return {};
        bool inHeap = false;
        for (const QByteArray &line : smaps.readAll().split('\n')) {
            if (line.endsWith("[heap]"))
                inHeap = true;
            else if (inHeap && line.startsWith("VmFlags:"))
                return line.mid(8).simplified();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
#ifdef __SANITIZE_ADDRESS__
        QSKIP("AddressSanitizer brings its own allocator; glibc's tunable does not apply");
#endif
        QFile mode(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
        if (!mode.open(QIODevice::ReadOnly) || !mode.readAll().contains("[madvise]"))
            QSKIP("this kernel's transparent huge pages are not in \"madvise\" mode");
    }

    void heapAdvised_data()
    {
        QTest::addColumn<QString>("tunables"); // "-": GLIBC_TUNABLES not set
        QTest::addColumn<bool>("advised");
        QTest::newRow("not set") << QStringLiteral("-") << true;
        QTest::newRow("other tunables kept") << QStringLiteral("glibc.malloc.arena_max=4") << true;
        QTest::newRow("the user's choice wins") << QStringLiteral("glibc.malloc.hugetlb=0") << false;
    }

    void heapAdvised()
    {
        QFETCH(QString, tunables);
        QFETCH(bool, advised);
        AppProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GLIBC_TUNABLES"));
        if (tunables != QLatin1String("-"))
            env.insert(QStringLiteral("GLIBC_TUNABLES"), tunables);
        app.process().setProcessEnvironment(env);
        QVERIFY(app.startHeadlessServer({QStringLiteral("--duration"), QStringLiteral("10")}) != 0);
        const qint64 pid = app.process().processId();
        const QByteArray flags = heapFlags(pid);
        QVERIFY2(!flags.isEmpty(), "no [heap] mapping found");
        QCOMPARE(flags.split(' ').contains("hg"), advised);
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        QVERIFY(comm.open(QIODevice::ReadOnly));
        QCOMPARE(comm.readAll().trimmed(), QByteArray("sockscope"));
        // The restart shows in the environment the new image started with (inside, the
        // user's GLIBC_TUNABLES is put back from it).
        QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
        QVERIFY(environ.open(QIODevice::ReadOnly));
        const QList<QByteArray> startedWith = environ.readAll().split('\0');
        QCOMPARE(startedWith.contains("SOCKSCOPE_GLIBC_TUNABLES_WAS=" +
                                      (tunables == QLatin1String("-") ? QByteArray("\x01unset")
                                                                      : tunables.toUtf8())),
                 advised);
    }
};

QTEST_GUILESS_MAIN(tst_HugePageHeap)
#include "tst_hugepageheap.moc"
