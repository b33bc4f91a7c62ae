"""The check before printing certificates: what would look wrong, in plain Indonesian.

Names that must shrink below a readable size or be cut (from :func:`reports.sertifikat.periksa`),
a PNS/PPPK signatory without NIP, a missing logo or background file, no signatory, an office
without a region code (the QR then names no office), people eligible but not numbered yet, and
the signing key's state. An empty list means ready to print. ReportLab is imported here (the name
measurements need its font metrics), so call it when the user asks for the check.
"""

from __future__ import annotations

from db.errors import DomainError
from db.services import sertifikat_keys
from db.services.profile import get_logo, get_profile
from db.services.sertifikat import AturanSertifikat, get_aturan, latar_file
from db.services.sertifikat_print import certificate_values, signatories_for, template_for
from db.services.sertifikat_terbit import siap_terbit


def periksa(kegiatan_id: int) -> list[str]:
    """Problems to fix (or know about) before printing this kegiatan's certificates."""
    from reports.sertifikat import periksa as periksa_layout

    aturan = get_aturan(kegiatan_id)
    problems = _setup_problems(aturan)
    waiting = len(siap_terbit(kegiatan_id))
    if waiting:
        problems.append(f"{waiting} orang layak tetapi belum bernomor; nomor diberikan saat dicetak.")
    try:
        pairs = certificate_values(kegiatan_id)
    except DomainError as exc:  # e.g. no signatory: already reported above
        return _unique(problems + [exc.message])
    if not pairs and not waiting:
        problems.append("Belum ada orang yang layak menerima sertifikat pada kegiatan ini.")
    if pairs:
        problems += periksa_layout(template_for(kegiatan_id, aturan), [cert for _, cert in pairs])
    return _unique(problems)


def _setup_problems(aturan: AturanSertifikat) -> list[str]:
    problems: list[str] = []
    profile = get_profile()
    if not profile.configured:
        problems.append("Identitas kantor belum lengkap (Pengaturan › Identitas kantor).")
    elif not profile.kode_wilayah:
        problems.append("Kode wilayah kantor kosong: QR sertifikat tidak menyebut kantor penerbit.")
    if get_logo("daerah") is None:
        problems.append("Logo daerah belum dipasang (Pengaturan › Identitas kantor); sertifikat tanpa logo.")
    if aturan.background_path:
        latar = latar_file(aturan)
        if latar is None or not latar.is_file():
            problems.append(f"Gambar latar {aturan.background_path} tidak ditemukan; dipakai bingkai bawaan.")
    try:
        signers = signatories_for(aturan)
    except DomainError as exc:
        return problems + [exc.message]
    for signer in signers:
        if signer.jenis_pegawai in ("PNS", "PPPK") and not signer.nip.strip():
            problems.append(f"Penandatangan {signer.nama} ({signer.jenis_pegawai}) belum memiliki NIP.")
        if not signer.aktif:
            problems.append(f"Penandatangan {signer.nama} sudah tidak aktif.")
    problems += key_problems()
    return problems


def key_problems() -> list[str]:
    """The signing key: locked (passphrase needed) or not protected by a passphrase."""
    state = sertifikat_keys.key_state()
    if state == "terkunci":
        return ["Kunci tanda tangan sertifikat terkunci: masukkan kata sandinya sebelum menerbitkan."]
    if state == "tanpa_sandi":
        return ["Kunci tanda tangan sertifikat belum dilindungi kata sandi (Pengaturan › Sertifikat)."]
    return []


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
