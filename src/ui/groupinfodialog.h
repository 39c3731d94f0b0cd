// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/flow.h"

#include <QDialog>

#include <functional>
#include <memory>

class QAbstractItemModel;
class QMenu;

namespace Ui {
class GroupInfoDialog;
}

namespace Natter {

/// A group's info, like Telegram's: photo, name, privacy and the member list (a model of
/// MemberListModel roles), with adding and removing members. Read-only where the backend cannot
/// manage groups. Emits what the user asks for; app/ sends it and reports back with setBusy()
/// and showError().
class GroupInfoDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GroupInfoDialog(QWidget *parent = nullptr);
    ~GroupInfoDialog() override;

    /// Title, photo and privacy from the cache; an edited title the user has not saved stays.
    void setFlow(const Flow &flow);
    QString flowId() const { return m_flow.id; }
    /// The members (MemberListModel roles); the dialog does not own it.
    void setMembersModel(QAbstractItemModel *model);
    /// Whether the backend can change groups; otherwise everything is read-only.
    void setEditable(bool editable);
    /// Whether the backend lists members at all (else a line says so).
    void setMembersListed(bool listed);
    /// Logins and ids offered while typing members to add.
    void setCompletions(const QStringList &completions);
    /// While a request runs: inputs are disabled and a line says so.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showError(const Error &error);
    void clearError();

    /// Asked before removing a member, with the member's name; the default is a QMessageBox.
    void setKickConfirmation(std::function<bool(const QString &name)> confirm);
    /// Picks the new photo's file; the default is a QFileDialog. Empty: cancelled.
    void setPhotoPicker(std::function<QString()> pick);
    /// The context menu for a member row (owned by the dialog, deleted when closed).
    QMenu *createMemberMenu(const QModelIndex &index);

Q_SIGNALS:
    void renameRequested(const QString &title);
    void privacyChangeRequested(bool isPrivate);
    void photoChangeRequested(const QByteArray &image, const QString &extension);
    void addMembersRequested(const QStringList &userIdsOrLogins);
    void kickRequested(const QString &userId);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void applyColours();
    void updateState();
    void updateAvatar();
    void updateCount();
    void choosePhoto();
    void submitTitle();
    void submitMembers();
    void kick(const QModelIndex &index);

    std::unique_ptr<Ui::GroupInfoDialog> m_ui;
    QAbstractItemModel *m_model = nullptr;
    QList<QMetaObject::Connection> m_modelConnections;
    std::function<bool(const QString &)> m_confirm;
    std::function<QString()> m_pickPhoto;
    Flow m_flow;
    Error m_error;
    QString m_localError; ///< a refusal worded here (not a picture), shown like m_error
    bool m_editable = false;
    bool m_listed = true;
    bool m_busy = false;
};

} // namespace Natter
