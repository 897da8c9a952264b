package hotel.booking.query.replay;

import hotel.booking.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;
import java.util.List;

/** The analysts' view of the projections: how far each got, and rebuilding one while the hotel runs. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;
    private final ProjectionProgressStream progress;

    ProjectionAdminController(ProjectionRebuilds rebuilds, ProjectionProgressStream progress) {
        this.rebuilds = rebuilds;
        this.progress = progress;
    }

    @GetMapping
    List<ProjectionStatus> projections() {
        return rebuilds.statuses();
    }

    /** Progress of every projection as Server-Sent Events: a {@code projections} list, then a {@code projection} per change. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return progress.open();
    }

    @GetMapping("/{name}")
    ResponseEntity<?> projection(@PathVariable String name) {
        return rebuilds.status(name)
                       .<ResponseEntity<?>>map(ResponseEntity::ok)
                       .orElseGet(() -> unknown(name));
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<?> replay(@PathVariable String name) {
        if (!rebuilds.exists(name)) {
            return unknown(name);
        }
        try {
            rebuilds.start(name);
        } catch (ProjectionRebuilds.IncompleteFold e) {
            return Problems.response(HttpStatus.CONFLICT, e.getMessage());
        } catch (ProjectionRebuilds.AlreadyRunning e) {
            return Problems.response(HttpStatus.CONFLICT, e.getMessage() + "; follow it at /api/admin/projections/" + name);
        }
        URI status = URI.create("/api/admin/projections/" + name);
        return ResponseEntity.accepted().location(status).body(rebuilds.statuses().stream()
                .filter(each -> each.name().equals(name)).findFirst().orElseThrow());
    }

    private ResponseEntity<?> unknown(String name) {
        return Problems.response(HttpStatus.NOT_FOUND, "There is no projection '" + name + "'; there are "
                                                      + String.join(", ", rebuilds.names()));
    }
}
