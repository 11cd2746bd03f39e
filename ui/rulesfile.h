#pragma once

#include "core/autoreply/autoreply.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

class QWidget;

namespace sockscope {

// What a rules file's import and export say, translated by the dialog that shows them: each
// text keeps the translation context of its dialog.
struct RulesFileTexts
{
    QString importTitle; // the file dialogs' titles
    QString exportTitle;
    QString filter;       // "… (*.json);;All files (*)"
    QString fixFirst;     // %1: the invalid rule's issue
    QString notRegular;   // %1: the path
    QString tooLarge;     // %1: the limit in MiB
    QString importFailed; // the boxes' titles and texts
    QString notImported;  // %1: the path, %2: the reason
    QString warningsTitle;
    QString warningsText; // %1: the warnings, one a line
    // The line for the warnings past the first ten, "(%n more)"; none leaves them unsaid.
    std::function<QString(int more)> moreWarnings;
    QString exportFailed;
    QString notSaved; // %1: the path, %2: the reason
};

// The JSON file of a rule set (auto-reply or rewrite rules): read without letting the file
// block or flood the window, checked all or nothing as the core applies it, saved atomically;
// and the file dialogs and message boxes of the Import and Export buttons.
class RulesFile
{
public:
    explicit RulesFile(RulesFileTexts texts) : m_texts(std::move(texts)) {}

    // Parses and checks the file; on failure *error holds a translated reason (the issue
    // names the rule) and nothing is returned. Rules is AutoReplyRules or RewriteRules.
    template <class Rules>
    auto load(const QString &path, QString *error, QStringList *warnings) const
        -> decltype(Rules::fromJson(QByteArray(), nullptr, nullptr));

    // Saves json unless a rule is invalid: such a file would be refused when loaded again.
    bool save(const QString &path, const std::optional<AutoReplyIssue> &issue,
              const QByteArray &json, QString *error) const;

    // The Import button: a file dialog, then importFrom(), then a box for a failure or the
    // warnings. *lastDir is where the file dialogs start, and becomes the chosen file's.
    using Importer =
        std::function<bool(const QString &path, QString *error, QStringList *warnings)>;
    void chooseImport(QWidget *parent, QString *lastDir, const Importer &importFrom) const;
    // The Export button: a file dialog (the .json suffix added), then exportTo(), then a box
    // for a failure.
    using Exporter = std::function<bool(const QString &path, QString *error)>;
    void chooseExport(QWidget *parent, QString *lastDir, const Exporter &exportTo) const;

private:
    std::optional<QByteArray> read(const QString &path, QString *error) const;

    RulesFileTexts m_texts;
};

template <class Rules>
auto RulesFile::load(const QString &path, QString *error, QStringList *warnings) const
    -> decltype(Rules::fromJson(QByteArray(), nullptr, nullptr))
{
    const std::optional<QByteArray> json = read(path, error);
    if (!json)
        return std::nullopt;
    AutoReplyIssue issue;
    auto parsed = Rules::fromJson(*json, &issue, warnings);
    // The same all-or-nothing check the session or relay applies when the rules are installed.
    Rules check;
    if (parsed && check.setConfig(*parsed, &issue))
        return parsed;
    if (error)
        *error = issue.toString();
    return std::nullopt;
}

} // namespace sockscope
