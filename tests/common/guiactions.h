// User-like input for offscreen window tests: named children, typing over a field, clicking,
// and starting a tab's TCP server through its connection bar.
#pragma once

#include "ui/sessiontab.h"

#include "boundport.h"

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

namespace sockscope::test {

// The child called `name`; a missing one ends the run (the window changed under the test).
template <typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

// Selects everything in the field and types over it.
inline void typeOver(QWidget *field, const QString &text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

inline void clickButton(QWidget *button)
{
    QTest::mouseClick(button, Qt::LeftButton);
}

// Types 127.0.0.1 and port 0 into the tab's connection bar and clicks Start; returns the
// port it listens on, 0 if it did not listen.
inline quint16 startServerInTab(SessionTab *tab)
{
    typeOver(child<QComboBox>(tab, "localAddress"), QStringLiteral("127.0.0.1"));
    typeOver(child<QSpinBox>(tab, "localPort"), QStringLiteral("0"));
    clickButton(child<QPushButton>(tab, "startButton"));
    return waitForBoundPort(tab->session());
}

} // namespace sockscope::test
