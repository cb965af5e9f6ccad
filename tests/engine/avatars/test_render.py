import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from engine.avatars.library import BACKGROUNDS, Picture, build_library
from engine.avatars.render import Look, decode_image, initial_of, render_png, render_svg
from engine.errors import InputError

PIC = build_library()[0]


@pytest.mark.parametrize("size", [64, 128, 200, 512])
def test_png_has_the_requested_size_and_the_background_colour(size):
    img = Image.open(io.BytesIO(render_png(PIC, Look(background=4, mark="none"), size)))
    assert img.size == (size, size) and img.mode == "P"  # palette PNG with transparency
    img = img.convert("RGBA")
    corner = img.getpixel((1, 1))
    assert corner[3] == 0  # outside the circle
    ring = img.getpixel((size // 2, 2))  # top of the circle: the palette colour shows
    want = tuple(int(BACKGROUNDS[4][i:i + 2], 16) for i in (1, 3, 5))
    assert max(abs(a - b) for a, b in zip(ring[:3], want)) <= 6


@pytest.mark.parametrize("size", [0, 63, 513, "big", None])
def test_bad_sizes_are_rejected(size):
    with pytest.raises(InputError):
        render_png(PIC, Look(), size)


def test_svg_is_well_formed_and_draws_the_same_shapes():
    svg = render_svg(PIC, Look(background=2, text="王"), 128)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("width") == "128"
    drawn = [el for el in root.iter() if el.tag in {ns + t for t in
             ("ellipse", "rect", "polygon", "polyline", "path")}]
    # the background rect plus one element per picture shape (the badge uses <circle>)
    assert len(drawn) == 1 + len(PIC.spec["shapes"])
    assert len(root.findall(f".//{ns}circle")) == 3  # clip path, badge ring, badge disc
    assert BACKGROUNDS[2] in svg and ">王</text>" in svg


def test_marks_change_the_image_and_initials_pick_the_first_letter():
    plain = render_png(PIC, Look(mark="none"), 96)
    with_initial = render_png(PIC, Look(mark="initial", text="A"), 96)
    badge = render_png(PIC, Look(mark="badge", badge=2), 96)
    assert len({plain, with_initial, badge}) == 3
    assert initial_of("  小明") == "小" and initial_of("*amy") == "A" and initial_of("") == ""


def test_uploaded_art_renders_and_corrupt_art_is_named():
    buf = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 10, 10)).save(buf, format="PNG")
    pic = Picture(id="staff-red", title="Red", theme="art", style="custom", tags={},
                  png=buf.getvalue())
    img = Image.open(io.BytesIO(render_png(pic, Look(mark="none"), 64))).convert("RGBA")
    assert max(abs(a - b) for a, b in zip(img.getpixel((32, 32))[:3], (200, 10, 10))) <= 6
    assert "data:image/png;base64" in render_svg(pic, Look(), 64)
    with pytest.raises(InputError) as err:
        decode_image(b"not an image", place="upload.png")
    assert "upload.png" in str(err.value)
