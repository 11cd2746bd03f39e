#include "rulesfile.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

namespace sockscope {

namespace {

constexpr int MaxShownWarnings = 10;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

std::optional<QByteArray> RulesFile::read(const QString &path, QString *error) const
{
    auto refuse = [error](const QString &message) -> std::optional<QByteArray> {
        fail(error, message);
        return std::nullopt;
    };
    // Only a regular file is opened: a FIFO without a writer would block open(), and the
    // window with it; a device such as /dev/zero never ends.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return refuse(m_texts.notRegular.arg(QDir::toNativeSeparators(path)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(file.errorString());
    // Read one byte past the limit so an oversized file (or a pipe) is detected without
    // loading all of it.
    const QByteArray json = file.read(AutoReplyRules::MaxJsonBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return refuse(file.errorString());
    if (json.size() > AutoReplyRules::MaxJsonBytes)
        return refuse(m_texts.tooLarge.arg(AutoReplyRules::MaxJsonBytes >> 20));
    return json;
}

bool RulesFile::save(const QString &path, const std::optional<AutoReplyIssue> &issue,
                     const QByteArray &json, QString *error) const
{
    if (issue)
        return fail(error, m_texts.fixFirst.arg(issue->toString()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, file.errorString());
    if (file.write(json) != json.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(error, reason);
    }
    if (!file.commit())
        return fail(error, file.errorString());
    return true;
}

void RulesFile::chooseImport(QWidget *parent, QString *lastDir, const Importer &importFrom) const
{
    const QString path =
        QFileDialog::getOpenFileName(parent, m_texts.importTitle, *lastDir, m_texts.filter);
    if (path.isEmpty())
        return;
    *lastDir = QFileInfo(path).absolutePath();
    QString error;
    QStringList warnings;
    if (!importFrom(path, &error, &warnings)) {
        QMessageBox::warning(parent, m_texts.importFailed,
                             m_texts.notImported.arg(QDir::toNativeSeparators(path), error));
        return;
    }
    if (warnings.isEmpty())
        return;
    QStringList shown = warnings.mid(0, MaxShownWarnings);
    if (warnings.size() > MaxShownWarnings && m_texts.moreWarnings)
        shown << m_texts.moreWarnings(int(warnings.size() - MaxShownWarnings));
    QMessageBox::information(parent, m_texts.warningsTitle,
                             m_texts.warningsText.arg(shown.join(QLatin1Char('\n'))));
}

void RulesFile::chooseExport(QWidget *parent, QString *lastDir, const Exporter &exportTo) const
{
    QFileDialog dialog(parent, m_texts.exportTitle, *lastDir, m_texts.filter);
    dialog.setObjectName(QStringLiteral("exportFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    // Applied before the dialog's own overwrite confirmation, so that covers the final name.
    dialog.setDefaultSuffix(QStringLiteral("json"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    *lastDir = QFileInfo(path).absolutePath();
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(parent, m_texts.exportFailed,
                             m_texts.notSaved.arg(QDir::toNativeSeparators(path), error));
}

} // namespace sockscope
