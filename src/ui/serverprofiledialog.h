// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/serverprofile.h"

#include <QDialog>
#include <QList>

#include <memory>

namespace Ui {
class ServerProfileDialog;
}

namespace Natter {

/// Edits the list of server profiles: the list on the left (add, duplicate, remove), the
/// selected profile's form on the right. Works on a copy; the caller reads profiles() after
/// the dialog is accepted. At least one profile always remains.
class ServerProfileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerProfileDialog(const QList<ServerProfile> &profiles, QWidget *parent = nullptr);
    ~ServerProfileDialog() override;

    QList<ServerProfile> profiles() const { return m_profiles; }
    /// The id of the selected profile.
    QString currentId() const;
    void selectProfile(const QString &id);

    void addProfile();
    void duplicateProfile();
    /// Refused (returns false) for the last profile.
    bool removeProfile();

    /// The protocol names the combo offers with their labels, in order ("auto" first).
    static QList<std::pair<QString, QString>> protocolChoices();
    /// Whether the DisTet client certificate hash applies to `protocol` at `url`.
    static bool usesClientCertHash(const QString &protocol, const QString &url);

public Q_SLOTS:
    /// Refuses while a profile's address is not valid, selecting that profile.
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    int currentRow() const;
    void showProfile(int row);
    void storeField();
    void updateListItem(int row);
    void updateFieldStates();
    void fillProtocolCombo();

    std::unique_ptr<Ui::ServerProfileDialog> m_ui;
    QList<ServerProfile> m_profiles;
    bool m_loading = false;
};

} // namespace Natter
