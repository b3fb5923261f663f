package vn.giaoban.web;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * One person who may sign in: a line of the users file.
 *
 * @param unitCode   the unit a {@link Role#UNIT} signs in for (its code in the catalog); null for the others
 * @param officeCode the office whose notice the briefing page opens first (offices.csv); null: the first
 * @param name       how the pages greet them
 * @param passwordHash bcrypt, never the password
 */
public record ConsoleUser(String username, Role role, String unitCode, String officeCode, String name,
        String passwordHash) implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** Whether this person may see the unit's page, its figures and upload for it. */
    public boolean mayOpenUnit(String code) {
        return role == Role.OFFICE || role == Role.UNIT && unitCode.equals(code);
    }

    /** Whether this person reads the month's page and the notice. */
    public boolean readsMonth() {
        return role == Role.OFFICE || role == Role.LEADERSHIP;
    }

    @Override
    public String toString() {
        return username + " (" + role.word() + (unitCode == null ? "" : " " + unitCode) + ")";
    }
}
