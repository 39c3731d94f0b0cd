// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Natter {

/// A hue (0..359) for the placeholder avatar of `id`: the same on every run, platform and Qt
/// version (FNV-1a over the UTF-16 code units; qHash is seeded per process).
int avatarHue(const QString &id);

/// Up to two upper-case letters for a placeholder avatar: the first letters of the first two
/// words of `name` ("Ada Lovelace" → "AL", "ada" → "A"); `fallback` when `name` has no letter
/// or digit.
QString initials(const QString &name, const QString &fallback = {});

} // namespace Natter
