"""Issue #6 "Kirim ke Kota": the package round trip between a kecamatan and the kota office, the
refusals (tampered, foreign, zip bombs, zip-slip, newer schema), versions, the recap numbers and
where the NIK may appear (R16)."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from db.models import KotaPaket, Notulen
from tests.db.kota_support import NIK_PATTERN, load_sender, member_texts, opened, rewrite, set_up_kota


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One kecamatan exports the bimtek + rakor twice (versi 1 and 2) and the rakor alone."""
    from db.services.kota_paket import PaketOptions, export_paket

    root = tmp_path_factory.mktemp("kecamatan")
    out = tmp_path_factory.mktemp("usb")
    with opened(root / "data"):
        ids = load_sender(root)
        both = [ids["Bimtek/Pelatihan"], ids["Rakor"]]
        first = export_paket(both, out / "v1.zip")
        second = export_paket(both, out / "v2.zip")
        full = export_paket([ids["Bimtek/Pelatihan"]], out / "nik.zip", PaketOptions(full_nik=True))
        from db.services.peserta import roster

        niks = {p.nik for k in both for p in roster(k) if p.nik}
        row = Notulen.get(Notulen.kegiatan == ids["Rakor"])
    return {"v1": first, "v2": second, "nik": full, "niks": niks, "ids": ids,
            "notulen": (row.status, row.terkirim_tanggal)}  # fmt: skip


@pytest.fixture
def kota(tmp_path: Path):
    root = tmp_path / "kota"
    with opened(root) as store:
        set_up_kota(root)
        yield store


def _import(store, *files: Path) -> list:  # noqa: ANN001 - DataStore
    from db.services.kota_import import import_many

    return import_many(list(files), store.paths.root)


def _stored_files(store) -> list[Path]:  # noqa: ANN001
    root = store.paths.root / "kota"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_manifest_content(sent: dict) -> None:
    with zipfile.ZipFile(sent["v1"]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    assert manifest["format"] == "pokjanal-paket" and manifest["versi_skema"] == 1
    assert manifest["kantor"]["kode_wilayah"] == "18.72.04" and len(manifest["kantor"]["id"]) == 32
    bimtek, rakor = manifest["kegiatan"]
    assert len(bimtek["peserta"]) == 235 and len(bimtek["hari"]) == 3
    assert [d["hadir"] for d in bimtek["kehadiran"]][:2] == [227, 195]
    assert [k["isi"][:8] for k in rakor["notulen"]["keputusan"]] == ["Setiap p", "Keluraha", "Puskesma"]
    assert [i["status"] for i in rakor["rencana_aksi"]] == ["Berjalan", "Selesai", "Belum mulai"]
    assert {i["status"] for i in next(iter(manifest["rencana_aksi_tahun"].values()))} >= {
        "Tertunda",
        "Selesai",
    }
    assert set(manifest["berkas"]) | {"manifest.json"} == names
    assert bimtek["berkas"] == {"daftar_hadir": "kegiatan-01/daftar-hadir.pdf",
                                "rekap_kehadiran": "kegiatan-01/rekap-kehadiran.pdf",
                                "peserta": "kegiatan-01/peserta.xlsx"}  # fmt: skip
    assert (bimtek["versi"], rakor["versi"]) == (1, 1)
    assert rakor["berkas"]["notulen"] == "kegiatan-02/notulen.pdf" and rakor["notulen"]["status"] == "final"


def test_export_marks_the_final_notulen_terkirim(sent: dict) -> None:
    assert sent["notulen"] == ("terkirim", date.today())


def test_round_trip_twice_adds_nothing_the_second_time(sent: dict, kota) -> None:  # noqa: ANN001
    from db.services.kota_rekap import RekapFilter, list_paket, rekap_kota

    first, again = _import(kota, sent["v1"], sent["v1"])
    assert first.ok and [k.hasil for k in first.kegiatan] == ["baru", "baru"]
    assert again.ok and [k.hasil for k in again.kegiatan] == ["sudah ada", "sudah ada"] and again.changed == 0
    assert KotaPaket.select().count() == 2
    rows = list_paket()
    assert {r.jenis: r.peserta for r in rows}["Bimtek/Pelatihan"] == 235
    assert {r.jenis: sorted(r.berkas) for r in rows}["Rakor"] == ["daftar_hadir", "notulen", "peserta",
                                                                  "rekap_kehadiran"]  # fmt: skip
    lines, total = rekap_kota()
    assert [(line.kantor_kode, line.kegiatan, line.keputusan) for line in lines] == [("18.72.04", 2, 3)]
    assert total.peserta == sum(r.peserta for r in rows)
    # attendance: days 1 and 2 of the bimtek are recorded (227 + 195 of 235 each); day 3 and the
    # future rakor have no marks and do not count
    assert total.hadir == 227 + 195 and total.slot == 2 * 235
    assert total.hadir_persen == pytest.approx(100 * 422 / 470)
    with zipfile.ZipFile(sent["v1"]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    sent_items = {i["id"]: i["status"] for items in manifest["rencana_aksi_tahun"].values() for i in items}
    assert len(sent_items) == 4 + 3  # the test's four, the demo rakor's three (from its notulen)
    assert total.rencana_aksi == {s: list(sent_items.values()).count(s) for s in total.rencana_aksi}
    assert total.rencana_aksi["Tertunda"] == 1 and total.rencana_aksi["Batal"] == 0
    assert rekap_kota(RekapFilter(kantor_kode="18.72.99"))[1].kegiatan == 0
    stored = _stored_files(kota)
    assert len(stored) == 7 and all("/v1/" in p.as_posix() for p in stored)


def test_newer_version_replaces_and_older_is_refused_politely(sent: dict, kota) -> None:  # noqa: ANN001
    (newer,) = _import(kota, sent["v2"])
    assert [k.hasil for k in newer.kegiatan] == ["baru", "baru"]
    (older,) = _import(kota, sent["v1"])
    assert older.ok and [k.hasil for k in older.kegiatan] == ["lebih lama", "lebih lama"]
    assert "lebih baru" in older.pesan
    assert [r.versi for r in KotaPaket.select()] == [2, 2]


def test_older_then_newer_replaces_rows_and_files(sent: dict, kota) -> None:  # noqa: ANN001
    _import(kota, sent["v1"])
    (newer,) = _import(kota, sent["v2"])
    assert [k.hasil for k in newer.kegiatan] == ["diganti", "diganti"]
    assert KotaPaket.select().count() == 2 and {r.versi for r in KotaPaket.select()} == {2}
    assert all("/v2/" in p.as_posix() for p in _stored_files(kota))


def _flip_inside(name_wanted: str, position: int):  # noqa: ANN202
    def change(name: str, data: bytes) -> bytes:
        if name != name_wanted:
            return data
        return data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :]

    return change


@pytest.mark.parametrize(
    ("member", "position", "reason"),
    [
        ("kegiatan-01/daftar-hadir.pdf", 5000, "SHA-256 tidak cocok"),
        ("kegiatan-02/peserta.xlsx", 100, "SHA-256 tidak cocok"),
        ("manifest.json", 400, "Segel manifest"),  # inside a value: still valid JSON
    ],
)
def test_one_changed_byte_is_refused_and_nothing_imported(
    sent: dict,
    kota,
    tmp_path: Path,
    member: str,
    position: int,
    reason: str,  # noqa: ANN001
) -> None:
    bad = rewrite(sent["v1"], tmp_path / "ubah.zip", _flip_inside(member, position))
    (result,) = _import(kota, bad)
    assert not result.ok and reason in result.pesan
    assert KotaPaket.select().count() == 0 and _stored_files(kota) == []


def test_a_flipped_byte_in_the_zip_file_itself_is_refused(sent: dict, kota, tmp_path: Path) -> None:  # noqa: ANN001
    data = bytearray(sent["v1"].read_bytes())
    data[len(data) // 3] ^= 0xFF
    bad = tmp_path / "rusak.zip"
    bad.write_bytes(bytes(data))
    (result,) = _import(kota, bad)
    assert not result.ok and KotaPaket.select().count() == 0


def _central_directory_version(data: bytes, version: int) -> bytes:
    """Every central-directory entry says it needs zip ``version`` (zipfile raises NotImplementedError)."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        out[at + 6 : at + 8] = version.to_bytes(2, "little")
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_damaged_zips_of_every_kind_are_refused_never_raised(sent: dict, kota, tmp_path: Path) -> None:  # noqa: ANN001
    """Whatever zipfile or zlib raise on a damaged package (NotImplementedError for a strange
    version, zlib.error inside a deflate stream, …) becomes a refusal with a reason."""
    original = sent["v1"].read_bytes()
    variants = [_central_directory_version(original, 64)]
    for step in range(1, 40):  # flips spread over the whole file, deflate streams included
        data = bytearray(original)
        data[len(data) * step // 40] ^= 0x5A
        variants.append(bytes(data))
    for n, data in enumerate(variants):
        bad = tmp_path / f"rusak-{n}.zip"
        bad.write_bytes(data)
        (result,) = _import(kota, bad)
        assert not result.ok and result.pesan, n
    assert KotaPaket.select().count() == 0


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"../../evil.pdf": b"x", "manifest.json": b"{}"}, "tidak diizinkan"),
        ({"/etc/passwd": b"x"}, "tidak diizinkan"),
        ({"kegiatan-01\\..\\x.pdf": b"x"}, "tidak diizinkan"),
        ({"kegiatan-01/bom.pdf": b"\0" * (50 * 1024 * 1024)}, "bom zip"),
        ({f"kegiatan-01/f{i}.pdf": b"" for i in range(401)}, "paling banyak"),
        ({"manifest.json": b"not json"}, "bukan JSON"),
        ({"manifest.json": json.dumps({"format": "lain"}).encode()}, "bukan paket Pokjanal"),
        ({"kegiatan-01/a.pdf": b"x"}, "manifest.json"),
    ],
)
def test_hostile_or_foreign_files_are_refused(kota, tmp_path: Path, members: dict, reason: str) -> None:  # noqa: ANN001
    (result,) = _import(kota, _zip(tmp_path / "x.zip", members))
    assert not result.ok and reason in result.pesan, result.pesan
    assert KotaPaket.select().count() == 0


def test_not_a_zip_and_newer_schema_and_other_kota(sent: dict, kota, tmp_path: Path) -> None:  # noqa: ANN001
    from db.services import kota_manifest

    text = tmp_path / "bukan.zip"
    text.write_text("Nama;NIK\n", encoding="utf-8")
    assert "bukan paket yang utuh" in _import(kota, text)[0].pesan

    def bump(name: str, data: bytes, **changes) -> bytes:  # noqa: ANN003
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        for key, value in changes.items():
            manifest[key] = value
        return kota_manifest.encode(manifest)  # resealed: only the content check can refuse it

    newer = rewrite(sent["v1"], tmp_path / "baru.zip", lambda n, d: bump(n, d, versi_skema=2))
    assert "Perbarui aplikasi" in _import(kota, newer)[0].pesan
    kantor = {"id": "x", "kode_wilayah": "18.71.01", "nama": "KECAMATAN TANJUNG KARANG PUSAT"}
    foreign = rewrite(sent["v1"], tmp_path / "lain.zip", lambda n, d: bump(n, d, kantor=kantor))
    assert "bukan dari kabupaten/kota" in _import(kota, foreign)[0].pesan
    assert KotaPaket.select().count() == 0


def test_import_needs_mode_kota(sent: dict, tmp_path: Path) -> None:
    from db.errors import DomainError
    from db.services.kota_import import import_paket

    with opened(tmp_path / "kantor") as store, pytest.raises(DomainError, match="Mode kota belum aktif"):
        import_paket(sent["v1"], store.paths.root)


def test_nik_never_in_full_unless_chosen(sent: dict) -> None:
    texts = member_texts(sent["v1"])
    assert len(texts) == 8
    for name, text in texts.items():
        compact = text.replace(" ", "").replace(".", "").replace("-", "")
        # the stored NIKs, not any 16 digits: a sha256 in the manifest may hold a run of 16 digits
        assert not set(NIK_PATTERN.findall(compact)) & sent["niks"], name
    full = member_texts(sent["nik"])
    chosen = set(NIK_PATTERN.findall(full["manifest.json"])) & sent["niks"]
    assert len(chosen) > 100 and set(NIK_PATTERN.findall(full["kegiatan-01/peserta.xlsx"])) & sent["niks"]


def test_a_failure_mid_write_leaves_no_file(tmp_path: Path) -> None:
    from dataclasses import replace

    from db.errors import DomainError, WorkCancelled
    from db.services.kota_paket import Member, prepare_paket, write_paket

    with opened(tmp_path / "data"):
        ids = load_sender(tmp_path)
        plan = prepare_paket([ids["Rakor"]])

    def broken(stream) -> None:  # noqa: ANN001
        stream.write(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    usb = tmp_path / "usb"
    usb.mkdir()
    plan = replace(plan, members=(*plan.members[:1], Member("kegiatan-01/x.pdf", 0, "notulen", broken)))
    with pytest.raises(OSError):
        write_paket(plan, usb / "paket.zip")
    assert list(usb.iterdir()) == []
    seen: list[tuple[int, int]] = []
    with pytest.raises(WorkCancelled):  # Batal after the first member: no file either
        write_paket(
            plan, usb / "paket.zip", progress=lambda d, t: seen.append((d, t)), cancelled=lambda: bool(seen)
        )
    assert seen == [(1, 2)] and list(usb.iterdir()) == []
    write_paket(replace(plan, members=plan.members[:1]), usb / "paket.zip")
    with pytest.raises(DomainError, match="sudah ada"):
        write_paket(plan, usb / "paket.zip")


@pytest.mark.parametrize(
    "title",
    [
        "CON",
        "aux.pdf",
        "COM1",
        "../../x",
        "a/b:c*?",
        "titik.",
        "spasi ",
        "x" * 300,
        "😀 rakor",
        "abc\u202egpj.exe",
        "nul\0byte",
    ],  # fmt: skip
)
def test_package_file_names_are_safe(title: str, tmp_path: Path) -> None:
    from pathvalidate import validate_filename

    from db.services.kota_paket import safe_filename

    name = safe_filename("Paket Kota", title)
    validate_filename(name, platform="windows")
    assert len(name) <= 150 and name.endswith(".zip") and "\u202e" not in name
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_package_pdfs_are_the_real_documents(sent: dict) -> None:
    from tests.db.kota_support import KEPUTUSAN

    texts = {name: " ".join(text.split()) for name, text in member_texts(sent["v1"]).items()}
    assert all(k[:40] in texts["kegiatan-02/notulen.pdf"] for k in KEPUTUSAN)
    assert "DAFTAR HADIR" in texts["kegiatan-01/daftar-hadir.pdf"].upper()
    assert "REKAP" in texts["kegiatan-01/rekap-kehadiran.pdf"].upper()
