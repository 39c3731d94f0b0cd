// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class NewChatDialog;
}

namespace Natter {

/// Asks what a new chat needs: the other person (Chat), or a title, an optional description
/// and members added one by one (Group). OK stays disabled until the input is usable. The app
/// reads the fields after exec() returns Accepted.
class NewChatDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Chat, Group };

    explicit NewChatDialog(Mode mode, QWidget *parent = nullptr);
    ~NewChatDialog() override;

    Mode mode() const { return m_mode; }
    /// Chat: the user id or login typed, trimmed.
    QString userOrLogin() const;
    /// Group: the title and description, trimmed.
    QString title() const;
    QString description() const;
    /// Group: the members added, in order, without duplicates.
    QStringList members() const;

    /// True when OK may be pressed.
    bool isValid() const;

public Q_SLOTS:
    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// Adds the member field's text to the list; false when empty or already listed.
    bool addMember();
    void removeSelectedMembers();
    void updateState();
    void retranslate();

    std::unique_ptr<::Ui::NewChatDialog> m_ui;
    Mode m_mode;
};

} // namespace Natter
