package org.kizuna.identity.internal;

import java.util.Collection;
import java.util.List;

import org.kizuna.identity.KizunaUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A node user as Spring Security sees it. */
record NodeUserDetails(KizunaUser user, String passwordHash, boolean enabled) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.copyOf(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    /** A disabled user cannot sign in. */
    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
