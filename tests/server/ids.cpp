// SPDX-License-Identifier: GPL-3.0-or-later
#include "ids.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace Natter::Testing::Ids {

QString randomUuid128()
{
    // Four 32-bit limbs, most significant first; long division by 10 yields the digits.
    std::array<quint32, 4> limbs {};
    QRandomGenerator::system()->fillRange(limbs.data(), qsizetype(limbs.size()));
    limbs[0] |= 0x40000000u; // keep the width realistic (38-39 digits) like uuid4().int
    QString digits;
    auto nonZero
        = [&limbs] { return limbs[0] != 0 || limbs[1] != 0 || limbs[2] != 0 || limbs[3] != 0; };
    while (nonZero()) {
        quint64 remainder = 0;
        for (auto &limb : limbs) {
            const quint64 current = (remainder << 32) | limb;
            limb = quint32(current / 10);
            remainder = current % 10;
        }
        digits.prepend(QChar(char16_t(u'0' + remainder)));
    }
    return digits;
}

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (auto &byte : raw)
        byte = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

QByteArray randomSalt()
{
    return randomToken(16).toLatin1();
}

QByteArray hashPassword(const QByteArray &salt, const QString &password)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(salt);
    hash.addData(password.toUtf8());
    return hash.result().toHex();
}

} // namespace Natter::Testing::Ids
