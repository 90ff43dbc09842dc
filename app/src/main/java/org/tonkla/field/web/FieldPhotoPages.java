package org.tonkla.field.web;

import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.field.internal.FieldPhotos;
import org.tonkla.identity.Users;
import org.tonkla.registry.ChildId;

/** The child's photo taken on a home visit, full size or as a thumbnail; every view is in the child's access log. */
@Controller
class FieldPhotoPages {

    private final FieldPhotos photos;
    private final Users users;

    FieldPhotoPages(FieldPhotos photos, Users users) {
        this.photos = photos;
        this.users = users;
    }

    @GetMapping("/field/children/{childId}/visit-photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID childId, @RequestParam(defaultValue = "false") boolean thumbnail) {
        return photos.latest(new ChildId(childId), thumbnail, users.require())
                .map(p -> ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                        .cacheControl(CacheControl.noStore()).body(p.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
