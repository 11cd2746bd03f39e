// Answers modal dialogs (file dialogs, questions) while their exec() runs, in the order a test
// expects them, as a user would. Each answer waits until a modal widget it accepts is active;
// a modal nobody expects, or one that is not answered in time, is closed and reported, so a
// test never hangs on a dialog. (Same technique as tst_nothinglost's, shared here.)
#pragma once

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <functional>

namespace sockscope::test {

class ModalAnswers : public QObject
{
public:
    using Match = std::function<bool(QWidget *)>;
    using Act = std::function<void(QWidget *)>;

    ModalAnswers()
    {
        m_poll.setInterval(10);
        connect(&m_poll, &QTimer::timeout, this, &ModalAnswers::poll);
        m_poll.start();
        m_waiting.start();
    }

    void expect(const QString &what, Match match, Act act)
    {
        if (m_answers.isEmpty())
            m_waiting.restart();
        m_answers.append({what, std::move(match), std::move(act)});
    }
    // Every expected dialog was shown and its answer has run (answers run queued, after the
    // dialog was seen: a test that checks done() must also see what the answer did).
    bool done() const { return m_answers.isEmpty() && m_acting.isEmpty(); }
    // Modal widgets seen so far (answered or not).
    int shown() const { return m_shown; }
    // What went wrong: unexpected dialogs, expected ones that did not come.
    QStringList problems() const
    {
        QStringList all = m_problems;
        for (const Answer &a : m_answers)
            all.append(QStringLiteral("never shown: ") + a.what);
        return all;
    }

private:
    struct Answer
    {
        QString what;
        Match match;
        Act act;
    };

    static QString describe(QWidget *w)
    {
        QString text = QString::fromLatin1(w->metaObject()->className()) + QStringLiteral(" '") +
                       w->objectName() + QStringLiteral("' ") + w->windowTitle();
        if (auto *box = qobject_cast<QMessageBox *>(w))
            text += QStringLiteral(": ") + box->text();
        return text;
    }

    void poll()
    {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible() || m_acting.contains(modal))
            return;
        if (m_answers.isEmpty() || !m_answers.first().match(modal)) {
            if (m_answers.isEmpty() || m_waiting.hasExpired(10000)) {
                m_problems.append(QStringLiteral("unexpected: ") + describe(modal));
                ++m_shown;
                if (auto *dialog = qobject_cast<QDialog *>(modal))
                    dialog->reject();
                else
                    modal->close();
            }
            return;
        }
        const Answer answer = m_answers.takeFirst();
        ++m_shown;
        m_waiting.restart();
        // Queued: an answer may open a nested dialog, which this timer must still answer.
        m_acting.append(modal);
        QTimer::singleShot(0, this, [this, answer, modal, alive = QPointer<QWidget>(modal)] {
            if (alive)
                answer.act(modal);
            m_acting.removeOne(modal);
        });
    }

    QTimer m_poll;
    QElapsedTimer m_waiting;
    QList<Answer> m_answers;
    QStringList m_problems;
    QList<QWidget *> m_acting; // answered, and their answer has not returned yet
    int m_shown = 0;
};

inline ModalAnswers::Match dialogNamed(const QString &name)
{
    return [name](QWidget *w) { return w->objectName() == name; };
}

// Picks `path` in a save dialog with the name filter for `suffix`, types the name and accepts.
inline ModalAnswers::Act chooseFile(const QString &path, const QString &suffix)
{
    return [path, suffix](QWidget *w) {
        auto *dialog = qobject_cast<QFileDialog *>(w);
        auto *name = w->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        if (!dialog || !name)
            return;
        for (const QString &filter : dialog->nameFilters())
            if (filter.contains(QStringLiteral("*.") + suffix))
                dialog->selectNameFilter(filter);
        dialog->setDirectory(QFileInfo(path).absolutePath());
        name->setText(QFileInfo(path).fileName());
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, protected there
    };
}

inline ModalAnswers::Act clickStandardButton(QMessageBox::StandardButton which)
{
    return [which](QWidget *w) {
        auto *box = qobject_cast<QMessageBox *>(w);
        if (box && box->button(which))
            QTest::mouseClick(box->button(which), Qt::LeftButton);
    };
}

inline ModalAnswers::Act clickButtonNamed(const QString &name)
{
    return [name](QWidget *w) {
        if (auto *button = w->findChild<QPushButton *>(name))
            QTest::mouseClick(button, Qt::LeftButton);
    };
}

} // namespace sockscope::test
